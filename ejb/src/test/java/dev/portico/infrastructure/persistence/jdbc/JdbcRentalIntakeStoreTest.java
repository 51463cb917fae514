package dev.portico.infrastructure.persistence.jdbc;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A group's rentals go out in few INSERTs of few shapes: powers of two up to 512 rows, adding up to the count. */
class JdbcRentalIntakeStoreTest {

    @Test
    void rentalsAreInsertedInStatementsOfPowerOfTwoRowsLargestFirst() {
        assertEquals(List.of(1), JdbcRentalIntakeStore.statementSizes(1));
        assertEquals(List.of(8, 4, 1), JdbcRentalIntakeStore.statementSizes(13));
        assertEquals(List.of(32), JdbcRentalIntakeStore.statementSizes(32));
        assertEquals(List.of(512, 256, 128, 64, 32, 8), JdbcRentalIntakeStore.statementSizes(1000));
        assertEquals(List.of(512, 512, 1), JdbcRentalIntakeStore.statementSizes(1025));
    }

    @Test
    void everyCountUpToAGroupsIsCoveredByAtMostTenShapes() {
        Set<Integer> shapes = new TreeSet<>();
        IntStream.rangeClosed(1, 1000).forEach(n -> {
            List<Integer> sizes = JdbcRentalIntakeStore.statementSizes(n);
            assertEquals(n, sizes.stream().mapToInt(Integer::intValue).sum());
            shapes.addAll(sizes);
        });
        assertEquals(Set.of(1, 2, 4, 8, 16, 32, 64, 128, 256, 512), shapes);
    }

    @Test
    void renterStatementsArePaddedToThePowerOfTwoAtOrAboveTheirCount() {
        assertEquals(1, JdbcRentalIntakeStore.powerOfTwoAtLeast(1));
        assertEquals(2, JdbcRentalIntakeStore.powerOfTwoAtLeast(2));
        assertEquals(4, JdbcRentalIntakeStore.powerOfTwoAtLeast(3));
        assertEquals(1024, JdbcRentalIntakeStore.powerOfTwoAtLeast(1000));
        assertTrue(IntStream.rangeClosed(1, 1000).allMatch(n -> Integer.bitCount(JdbcRentalIntakeStore.powerOfTwoAtLeast(n)) == 1));
    }
}
