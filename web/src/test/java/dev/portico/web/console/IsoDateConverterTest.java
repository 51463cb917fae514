package dev.portico.web.console;

import jakarta.faces.convert.ConverterException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IsoDateConverterTest {

    private final IsoDateConverter converter = new IsoDateConverter();

    @Test
    void aDayOfTheCalendarIsTakenAndOneItDoesNotHaveIsRefusedWithAMessage() {
        assertEquals(LocalDate.of(2024, 2, 29), converter.getAsObject(null, null, " 2024-02-29 "));
        assertEquals("2024-02-29", converter.getAsString(null, null, LocalDate.of(2024, 2, 29)));
        assertNull(converter.getAsObject(null, null, ""));
        ConverterException refused = assertThrows(ConverterException.class, () -> converter.getAsObject(null, null, "2024-02-30"));
        assertEquals("Not a day: 2024-02-30 (write it as YYYY-MM-DD).", refused.getFacesMessage().getSummary());
        assertThrows(ConverterException.class, () -> converter.getAsObject(null, null, "29/02/2024"));
    }
}
