package dev.portico.web.console;

import dev.portico.domain.rental.RentalRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RentalCsvTest {

    @Test
    void aLineHoldsEveryFieldInHeaderOrderEndingInCrLf() {
        RentalRecord rental = new RentalRecord(7, "Mira", "F", "Axia", 10, LocalDateTime.of(2024, 1, 25, 8, 30, 1), LocalDateTime.of(2024, 1, 25, 20, 30));
        assertEquals("7,Mira,F,Axia,10,2024-01-25 08:30:01,2024-01-25 20:30:00\r\n", RentalCsv.line(rental));
        assertEquals(RentalCsv.HEADER.split(",").length, RentalCsv.line(rental).split(",").length);
    }

    @Test
    void namesWithSeparatorsQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertEquals("plain name", RentalCsv.field("plain name"));
        assertEquals("\"Lee, Jr\"", RentalCsv.field("Lee, Jr"));
        assertEquals("\"say \"\"hi\"\"\"", RentalCsv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", RentalCsv.field("two\nlines"));
        assertEquals("\"a\rb\"", RentalCsv.field("a\rb"));
    }

    @Test
    void namesASpreadsheetWouldRunAsFormulasAreDefused() {
        assertEquals("'=1+2", RentalCsv.field("=1+2"));
        assertEquals("'+cmd", RentalCsv.field("+cmd"));
        assertEquals("'-2", RentalCsv.field("-2"));
        assertEquals("'@SUM(A1)", RentalCsv.field("@SUM(A1)"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\", \"\"y\"\")\"", RentalCsv.field("=HYPERLINK(\"x\", \"y\")"));
        assertEquals("Ann=Bob", RentalCsv.field("Ann=Bob"));
    }
}
