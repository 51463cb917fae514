package dev.portico.benchmark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes the rental desk client's payload as a protocol-2 pickle, as Python's pickle.dumps would. */
final class PickleWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** {@code {'users': [(n, g)...], 'CarStatus': [(c, m)...], 'Time_Rent': [(in, out)...]}} from rows of six strings. */
    static byte[] rentals(List<List<String>> rentals) {
        PickleWriter w = new PickleWriter();
        w.out.write(0x80);
        w.out.write(2);
        w.out.write('}');
        w.out.write('(');
        w.pairs("users", rentals, 0);
        w.pairs("CarStatus", rentals, 2);
        w.pairs("Time_Rent", rentals, 4);
        w.out.write('u');
        w.out.write('.');
        return w.out.toByteArray();
    }

    private void pairs(String key, List<List<String>> rentals, int first) {
        string(key);
        out.write(']');
        out.write('(');
        for (List<String> rental : rentals) {
            string(rental.get(first));
            string(rental.get(first + 1));
            out.write(0x86);
        }
        out.write('e');
    }

    private void string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        out.write(utf8.length & 0xff);
        out.write((utf8.length >>> 8) & 0xff);
        out.write((utf8.length >>> 16) & 0xff);
        out.write((utf8.length >>> 24) & 0xff);
        out.writeBytes(utf8);
    }
}
