package dev.portico.jca.codec;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static dev.portico.jca.codec.PickleDecoderTest.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Randomly damaged pickles (fixed seed): the scanner and the decoder only ever answer with a
 * value or a {@link PickleException}, never another exception, and always finish; the scanner
 * says the same whether the bytes arrive at once or one at a time.
 */
class PickleFuzzTest {

    static final long SEED = 20240125L;
    static final int MUTANTS = 5_000;
    static final int LIMIT = 64 * 1024;

    /** Bytes worth inserting: opcodes with arguments, lengths, line ends, STOP. */
    private static final byte[] INTERESTING = {
        '(', '.', '\n', 'a', 'e', 's', 'u', 't', 'h', 'g', 'p', 'q', 'V', 'S', 'X', 'L', 'I', 'F', 'T',
        (byte) 0x80, (byte) 0x8a, (byte) 0x8b, (byte) 0x8c, (byte) 0x8d, (byte) 0x8e, (byte) 0x94,
        (byte) 0x95, (byte) 0x96, 0, 1, (byte) 0x7f, (byte) 0xff, '\\', '\'',
    };

    private int decoded;
    private int refused;

    @Test
    void damagedPicklesAreDecodedOrRefusedNeverCrashOrHang() throws Exception {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                check(mutate(seeds.get(i % seeds.size()), random));
            }
        });
        assertEquals(MUTANTS, decoded + refused);
        assertTrue(decoded > 0 && refused > 0, "some mutants decode (" + decoded + "), some are refused (" + refused + ")");
    }

    @Test
    void randomGarbageIsRefusedNeverCrashOrHang() {
        Random random = new Random(SEED + 1);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 2_000; i++) {
                byte[] garbage = new byte[random.nextInt(64)];
                for (int j = 0; j < garbage.length; j++) {
                    garbage[j] = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt(256);
                }
                check(garbage);
            }
        });
    }

    private void check(byte[] input) {
        String atOnce = scanAtOnce(input);
        String oneByOne = scanOneByteAtATime(input);
        assertEquals(atOnce, oneByOne, () -> "scanner outcome depends on arrival for " + hex(input));
        try {
            PickleDecoder.decode(input);
            decoded++;
            assertEquals("length " + input.length, atOnce, () -> "decoded though the scanner said otherwise: " + hex(input));
        } catch (PickleException e) {
            refused++;
            if (atOnce.startsWith("pickle opcode not allowed")) {
                assertEquals(atOnce, e.getMessage(), () -> "refused for another reason than the scanner: " + hex(input));
            }
        } catch (RuntimeException | Error e) {
            fail("decoder threw " + e + " for " + hex(input), e);
        }
    }

    private static String scanAtOnce(byte[] input) {
        try {
            int length = new PickleScanner(LIMIT).scan(ByteBuffer.wrap(input));
            return length < 0 ? "need more" : "length " + length;
        } catch (PickleException e) {
            return e.getMessage();
        } catch (RuntimeException | Error e) {
            return fail("scanner threw " + e + " for " + hex(input), e);
        }
    }

    private static String scanOneByteAtATime(byte[] input) {
        PickleScanner scanner = new PickleScanner(LIMIT);
        ByteBuffer buffer = ByteBuffer.wrap(input);
        try {
            for (int n = 0; n <= input.length; n++) {
                buffer.limit(n);
                int length = scanner.scan(buffer);
                if (length >= 0) {
                    return "length " + length;
                }
            }
            return "need more";
        } catch (PickleException e) {
            return e.getMessage();
        } catch (RuntimeException | Error e) {
            return fail("scanner threw " + e + " for " + hex(input), e);
        }
    }

    /** One to four random changes: flip a bit, overwrite, insert or delete a byte, or truncate. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        for (int changes = 1 + random.nextInt(4); changes > 0 && bytes.length > 0; changes--) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 3 -> bytes = insert(bytes, at, random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt(256));
                case 4 -> bytes = delete(bytes, at);
                default -> bytes = Arrays.copyOf(bytes, at);
            }
        }
        return bytes;
    }

    private static byte[] insert(byte[] bytes, int at, byte value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 1);
        out.write(bytes, 0, at);
        out.write(value);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] delete(byte[] bytes, int at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, at);
        out.write(bytes, at + 1, bytes.length - at - 1);
        return out.toByteArray();
    }

    /** The well-formed shared vectors, and the CPython pickles of every protocol from the decoder test. */
    private static List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : PickleScannerTest.WELL_FORMED_VECTORS) {
            seeds.add(vector(name));
        }
        for (String[] protocols : List.of(PickleDecoderTest.NESTED, PickleDecoderTest.UNICODE, PickleDecoderTest.INTS,
                PickleDecoderTest.FLOATS, PickleDecoderTest.SINGLETONS, PickleDecoderTest.SHARED, PickleDecoderTest.BYTES_FROM_P3)) {
            for (String hex : protocols) {
                seeds.add(HexFormat.of().parseHex(hex));
            }
        }
        return seeds;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
