package dev.portico.web.rest;

import dev.portico.application.RentalSearch;
import dev.portico.domain.rental.RentalQuery;
import dev.portico.domain.rental.RentalRecord;
import dev.portico.web.console.RentalCsv;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The rentals a query selects, oldest first, as a response body written a keyset page of
 * {@value #PAGE} at a time (see {@link RentalSearch#after}): no more than one page is in memory.
 */
final class RentalListing {

    static final int PAGE = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** Receives one page of rentals. */
    @FunctionalInterface
    private interface PageWriter {
        void write(List<RentalRecord> page) throws IOException;
    }

    private RentalListing() {
    }

    /** A JSON array of {@code {"id", "renter", "gender", "carModel", "mileageKm", "timeIn", "timeOut"}} objects. */
    static StreamingOutput json(RentalSearch search, RentalQuery query) {
        return out -> {
            // Not closed: the container closes the response stream.
            JsonGenerator json = Json.createGenerator(out);
            json.writeStartArray();
            pages(search, query, page -> {
                page.forEach(rental -> write(json, rental));
                json.flush();
            });
            json.writeEnd();
            json.flush();
        };
    }

    /** One page already read, as {@link #json(RentalSearch, RentalQuery)} writes each rental. */
    static StreamingOutput json(List<RentalRecord> page) {
        return out -> {
            JsonGenerator json = Json.createGenerator(out);
            json.writeStartArray();
            page.forEach(rental -> write(json, rental));
            json.writeEnd();
            json.flush();
        };
    }

    private static void write(JsonGenerator json, RentalRecord rental) {
        json.writeStartObject().write("id", rental.id()).write("renter", rental.renter()).write("gender", rental.gender())
                .write("carModel", rental.carModel()).write("mileageKm", rental.mileageKm())
                .write("timeIn", TIME.format(rental.timeIn())).write("timeOut", TIME.format(rental.timeOut()))
                .writeEnd();
    }

    /** One page already read, as {@link #csv(RentalSearch, RentalQuery)} writes each rental. */
    static String csv(List<RentalRecord> page) {
        StringBuilder text = new StringBuilder(RentalCsv.HEADER);
        page.forEach(rental -> text.append(RentalCsv.line(rental)));
        return text.toString();
    }

    /** CSV as the console's download writes it ({@link RentalCsv}). */
    static StreamingOutput csv(RentalSearch search, RentalQuery query) {
        return out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            text.write(RentalCsv.HEADER);
            pages(search, query, page -> {
                for (RentalRecord rental : page) {
                    text.write(RentalCsv.line(rental));
                }
            });
            text.flush();
        };
    }

    private static void pages(RentalSearch search, RentalQuery query, PageWriter writer) throws IOException {
        RentalRecord last = null;
        List<RentalRecord> page;
        do {
            page = search.after(query, last, PAGE);
            writer.write(page);
            last = page.isEmpty() ? null : page.get(page.size() - 1);
        } while (page.size() == PAGE);
    }
}
