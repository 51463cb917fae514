package dev.portico.web.rest;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.CustomerView;
import dev.portico.web.csv.CsvField;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The whole customer list as a response body written while a database cursor yields it (see
 * {@link CustomerDirectoryService#eachCustomer}): memory does not grow with the directory. A client
 * that goes away ends the reading.
 */
final class CustomerListing {

    static final String CSV_HEADER = "name,age,address,phone\r\n";

    private CustomerListing() {
    }

    /** A JSON array of {@code {"address", "age", "name", "phone"}} objects (the members in the order the single lookup has them). */
    static StreamingOutput json(CustomerDirectoryService directory) {
        return out -> {
            // Not closed: the container closes the response stream.
            JsonGenerator json = Json.createGenerator(out);
            json.writeStartArray();
            each(directory, customer -> json.writeStartObject()
                    .write("address", customer.address()).write("age", customer.age())
                    .write("name", customer.name()).write("phone", customer.phone())
                    .writeEnd());
            json.writeEnd();
            json.flush();
        };
    }

    /** CSV (RFC 4180, CRLF line ends) with a header line; see {@link CsvField} for the quoting. */
    static StreamingOutput csv(CustomerDirectoryService directory) {
        return out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            text.write(CSV_HEADER);
            each(directory, customer -> write(text, csvLine(customer)));
            text.flush();
        };
    }

    /** One page of customers as CSV, header line first. */
    static String csv(List<CustomerView> page) {
        StringBuilder text = new StringBuilder(CSV_HEADER);
        page.forEach(customer -> text.append(csvLine(customer)));
        return text.toString();
    }

    private static String csvLine(CustomerView customer) {
        return CsvField.of(customer.name()) + "," + customer.age() + "," + CsvField.of(customer.address()) + "," + customer.phone() + "\r\n";
    }

    /** Hands every customer to {@code write}; an I/O failure (the client went away) stops the reading and is thrown here. */
    private static void each(CustomerDirectoryService directory, Consumer<CustomerView> write) throws IOException {
        IOException[] failure = new IOException[1];
        directory.eachCustomer(customer -> {
            try {
                write.accept(customer);
                return true;
            } catch (UncheckedIOException e) {
                failure[0] = e.getCause();
                return false;
            } catch (jakarta.json.JsonException e) {
                failure[0] = e.getCause() instanceof IOException io ? io : new IOException(e);
                return false;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void write(Writer text, String line) {
        try {
            text.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
