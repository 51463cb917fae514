package dev.portico.jca.codec;

import dev.portico.jca.api.RentalValue;
import dev.portico.jca.api.RentalValue.Items;
import dev.portico.jca.api.RentalValue.Text;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decoded pickle typed at the socket's edge: what an intake is read by, and no more. */
class RentalValuesTest {

    private static final Path VECTORS = Path.of("../../shared/protocols/vectors/rental");

    @Test
    void aValidIntakeIsTypedWithItsListsPairsAndValues() throws Exception {
        RentalValue payload = new PickledIntake(Files.readAllBytes(VECTORS.resolve("valid-one-rental-p4.pkl"))).unpickle().payload();

        RentalValue.Mapping lists = (RentalValue.Mapping) payload;
        assertEquals(List.of(new Text("users"), new Text("CarStatus"), new Text("Time_Rent")), List.copyOf(lists.entries().keySet()));
        Items users = (Items) lists.entries().get(new Text("users"));
        assertEquals(1, users.size());
        Items user = (Items) users.items().get(0);
        assertEquals(2, user.items().size());
        assertTrue(user.items().get(0) instanceof Text, "a name is text");
    }

    @Test
    void scalarsKeepTheirPythonTypeAndValue() {
        assertEquals(new RentalValue.Whole(BigInteger.valueOf(-7)), RentalValues.value(-7L));
        assertEquals(new RentalValue.Whole(BigInteger.TEN.pow(30)), RentalValues.value(BigInteger.TEN.pow(30)));
        assertEquals(new RentalValue.Real(1.5), RentalValues.value(1.5));
        assertEquals(new RentalValue.Truth(false), RentalValues.value(false));
        assertEquals(new RentalValue.Nothing(), RentalValues.value(null));
        assertEquals(new RentalValue.Bytes(3), RentalValues.value(new byte[3]));
        assertEquals(new Text("Mira"), RentalValues.value("Mira"));
    }

    @Test
    void entriesThatAreNotPairsAndValuesThatAreContainersKeepOnlyTheirKindAndSize() {
        Map<Object, Object> decoded = new LinkedHashMap<>();
        decoded.put("users", List.of(List.of("a", "b", "c"), List.of(List.of(1L, 2L), Map.of("k", "v"))));
        decoded.put("other", List.of("ignored"));

        RentalValue.Mapping payload = (RentalValue.Mapping) RentalValues.payload(decoded);

        assertEquals(List.of(new Text("users")), List.copyOf(payload.entries().keySet()), "only the intake's lists are carried");
        Items users = (Items) payload.entries().get(new Text("users"));
        assertEquals(Items.ofSize(3), users.items().get(0), "a 3-item entry, by its size");
        assertEquals(new Items(List.of(Items.ofSize(2), new RentalValue.Mapping(Map.of()))), users.items().get(1));
    }

    @Test
    void aListSharedAMillionTimesOverIsNotExpanded() {
        List<Object> shared = new ArrayList<>(Collections.nCopies(1000, "x"));
        List<Object> users = new ArrayList<>(Collections.nCopies(1000, shared));

        Items typed = (Items) ((RentalValue.Mapping) RentalValues.payload(Map.of("users", users))).entries().get(new Text("users"));

        assertEquals(1000, typed.size());
        assertEquals(Items.ofSize(1000), typed.items().get(999), "each entry by its size, not its thousand values");
    }

    @Test
    void aPayloadThatIsNotADictIsTypedByItsKindAlone() {
        assertEquals(Items.ofSize(1), RentalValues.payload(List.of("users")));
    }
}
