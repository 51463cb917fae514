package dev.portico.web.rest;

import dev.portico.domain.rental.RentalRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RentalCursorTest {

    @Test
    void aPagesLastRentalBecomesACursorThatNamesItsKeyAgain() {
        RentalRecord last = new RentalRecord(12, "Mira", "F", "Axia", 10, LocalDateTime.of(2024, 5, 1, 9, 0), LocalDateTime.of(2024, 5, 2, 9, 0));
        String cursor = RentalCursor.of(last);
        assertEquals("2024-05-01T09:00:00,12", cursor, "seconds written even when zero");
        RentalRecord key = RentalCursor.parse(cursor);
        assertEquals(12, key.id());
        assertEquals(last.timeIn(), key.timeIn());
        assertEquals(LocalDateTime.of(2024, 5, 1, 9, 0, 30), RentalCursor.parse(" 2024-05-01T09:00:30,7 ").timeIn());
    }

    @Test
    void anythingElseIsRefusedSayingWhatAnAfterIs() {
        for (String bad : new String[] {"", "12", "2024-05-01T09:00:00", "2024-05-01T09:00:00,", "2024-05-01T09:00:00,x",
                "2024-05-01T09:00:00,0", "2024-05-01T09:00:00,-3", "2024-13-01T09:00:00,12", ",12", "9".repeat(100) + ",1"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RentalCursor.parse(bad), bad);
            assertTrue(refused.getMessage().startsWith("after must be the value a next link gave"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> RentalCursor.parse(null));
    }
}
