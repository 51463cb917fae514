package dev.portico.application.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A page read from the nearer end is the page read from the front, whatever its position and size. */
class NearerEndTest {

    @Test
    void everyPageIsTheFrontReadPageAndTheSecondHalfIsReadFromTheOtherEnd() {
        List<Integer> selection = IntStream.range(0, 7).boxed().toList();
        List<Integer> backwards = IntStream.range(0, 7).map(i -> 6 - i).boxed().toList();
        for (int first = 0; first <= 9; first++) {
            for (int size = 1; size <= 8; size++) {
                List<String> reads = new ArrayList<>();
                List<Integer> page = NearerEnd.page(first, size, selection.size(), (reversed, from, count) -> {
                    reads.add((reversed ? "back " : "front ") + from + "+" + count);
                    List<Integer> order = reversed ? backwards : selection;
                    return order.subList(Math.min(from, order.size()), Math.min(from + count, order.size()));
                });
                assertEquals(selection.subList(Math.min(first, 7), Math.min(first + size, 7)), page, first + "+" + size);
                assertEquals(first <= 3 || first >= 7 ? "front" : "back", reads.get(0).split(" ")[0], first + "+" + size + ": " + reads);
                assertEquals(1, reads.size(), "one read");
            }
        }
    }

    @Test
    void aTotalThePositionHasPassedIsNotTrustedAndANegativeOneIsRefused() {
        assertEquals(List.of("row 9"), NearerEnd.page(9, 5, 3, (reversed, from, count) -> reversed ? List.of() : List.of("row " + from)),
                "rows added since the count: read from the front");
        assertThrows(IllegalArgumentException.class, () -> NearerEnd.page(0, 5, -1, (reversed, from, count) -> List.of()));
    }
}
