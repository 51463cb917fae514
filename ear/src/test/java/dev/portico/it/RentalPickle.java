package dev.portico.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The rental desk client's payload as a protocol-2 pickle, as Python's {@code pickle.dumps} writes it. */
final class RentalPickle {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private RentalPickle() {
    }

    /** {@code {'users': [(renter, gender)...], 'CarStatus': [(car, mileage)...], 'Time_Rent': [(in, out)...]}}, one rental a row of six. */
    static byte[] of(List<List<String>> rentals) {
        RentalPickle p = new RentalPickle();
        p.out.writeBytes(new byte[] {(byte) 0x80, 2, '}', '('});
        p.pairs("users", rentals, 0);
        p.pairs("CarStatus", rentals, 2);
        p.pairs("Time_Rent", rentals, 4);
        p.out.writeBytes(new byte[] {'u', '.'});
        return p.out.toByteArray();
    }

    private void pairs(String key, List<List<String>> rentals, int first) {
        string(key);
        out.writeBytes(new byte[] {']', '('});
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
        for (int shift = 0; shift < 32; shift += 8) {
            out.write((utf8.length >>> shift) & 0xff);
        }
        out.writeBytes(utf8);
    }
}
