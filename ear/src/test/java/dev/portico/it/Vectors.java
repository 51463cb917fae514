package dev.portico.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;

/** The customer directory conformance vectors recorded from the reference server. */
final class Vectors {

    /** One recorded exchange; {@code index} is its position in the file. */
    record Vector(int index, byte[] request, byte[] reply, String readable) { }

    private Vectors() {
    }

    static List<Vector> customerDirectory() throws IOException {
        try (Reader file = Files.newBufferedReader(ItEnvironment.shared().resolve("protocols/vectors/customer-directory.json"));
             JsonReader json = Json.createReader(file)) {
            List<JsonObject> cases = json.readArray().getValuesAs(JsonObject.class);
            HexFormat hex = HexFormat.of();
            return java.util.stream.IntStream.range(0, cases.size()).mapToObj(i -> new Vector(i,
                    hex.parseHex(cases.get(i).getString("request_hex")), hex.parseHex(cases.get(i).getString("reply_hex")),
                    cases.get(i).getString("request"))).toList();
        }
    }
}
