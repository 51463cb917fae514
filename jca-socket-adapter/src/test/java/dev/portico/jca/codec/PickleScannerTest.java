package dev.portico.jca.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static dev.portico.jca.codec.PickleDecoderTest.latin1;
import static dev.portico.jca.codec.PickleDecoderTest.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding the end of one pickle in a growing stream of bytes, and refusing early. */
class PickleScannerTest {

    static final int LIMIT = 64 * 1024;

    static final List<String> WELL_FORMED_VECTORS = List.of(
            "valid-one-rental-p0.pkl", "valid-one-rental-p1.pkl", "valid-one-rental-p2.pkl",
            "valid-one-rental-p3.pkl", "valid-one-rental-p4.pkl", "valid-one-rental-p5.pkl",
            "valid-three-rentals-p4.pkl", "invalid-car-p4.pkl", "invalid-gender-p4.pkl",
            "invalid-length-mismatch-p4.pkl", "invalid-not-a-dict-p4.pkl", "invalid-time-order-p4.pkl");

    /** ['a.b', '.', 46] in protocol 0: dots in UNICODE lines and 46 as text. */
    static final String DOTS_P0 = "286c70300a56612e620a70310a61562e0a70320a614934360a612e";
    /** ['a.b', b'.', 46, 2**30*46] in protocol 4: dots in counted strings, a BININT1 of 46, a LONG1 byte. */
    static final String DOTS_P4 = "80049518000000000000005d94288c03612e629443012e944b2e8a05000000800b652e";

    @Test
    void lengthIsTheFileLengthForEveryWellFormedVector() throws Exception {
        for (String name : WELL_FORMED_VECTORS) {
            byte[] pickle = vector(name);
            assertEquals(pickle.length, new PickleScanner(LIMIT).scan(ByteBuffer.wrap(pickle)), name);
        }
    }

    @Test
    void truncatedVectorNeedsMore() throws Exception {
        assertEquals(-1, new PickleScanner(LIMIT).scan(ByteBuffer.wrap(vector("truncated-p4.pkl"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {DOTS_P0, DOTS_P4})
    void dotInsideAnArgumentIsNotStop(String hex) throws Exception {
        byte[] pickle = HexFormat.of().parseHex(hex);
        int firstDot = indexOf(pickle, (byte) '.');
        assertTrue(firstDot < pickle.length - 1, "the pickle has a '.' before its STOP");
        assertEquals(pickle.length, new PickleScanner(LIMIT).scan(ByteBuffer.wrap(pickle)));
    }

    @Test
    void bytesArrivingOneAtATimeNeedMoreUntilTheLast() throws Exception {
        List<byte[]> pickles = new ArrayList<>();
        for (String name : WELL_FORMED_VECTORS) {
            pickles.add(vector(name));
        }
        for (String[] protocols : List.of(PickleDecoderTest.NESTED, PickleDecoderTest.UNICODE, PickleDecoderTest.INTS,
                PickleDecoderTest.FLOATS, PickleDecoderTest.SINGLETONS, PickleDecoderTest.SHARED)) {
            for (String hex : protocols) {
                pickles.add(HexFormat.of().parseHex(hex));
            }
        }
        pickles.add(HexFormat.of().parseHex(DOTS_P0));
        pickles.add(HexFormat.of().parseHex(DOTS_P4));
        for (byte[] pickle : pickles) {
            PickleScanner scanner = new PickleScanner(LIMIT);
            ByteBuffer buffer = ByteBuffer.wrap(pickle);
            for (int n = 0; n < pickle.length; n++) {
                buffer.limit(n);
                assertEquals(-1, scanner.scan(buffer), "after " + n + " of " + pickle.length + " bytes");
                assertEquals(0, buffer.position(), "scan does not move the position");
            }
            buffer.limit(pickle.length);
            assertEquals(pickle.length, scanner.scan(buffer));
        }
    }

    @Test
    void aFreshBufferWithMoreBytesAtAnotherPositionContinuesTheScan() throws Exception {
        byte[] pickle = vector("valid-three-rentals-p4.pkl");
        PickleScanner scanner = new PickleScanner(LIMIT);
        for (int n = 0; n < pickle.length; n += 7) {
            ByteBuffer buffer = ByteBuffer.allocate(3 + n);
            buffer.put(new byte[] {'x', 'y', 'z'}).put(pickle, 0, n).flip().position(3);
            assertEquals(-1, scanner.scan(buffer));
        }
        ByteBuffer whole = ByteBuffer.allocate(5 + pickle.length).put(new byte[5]).put(pickle).flip().position(5);
        assertEquals(pickle.length, scanner.scan(whole));
        assertEquals(5, whole.position());
    }

    @Test
    void twoPicklesBackToBackGiveTheFirstLengthThenAfterResetTheSecond() throws Exception {
        byte[] first = vector("valid-one-rental-p0.pkl");
        byte[] second = vector("valid-three-rentals-p4.pkl");
        ByteBuffer buffer = ByteBuffer.allocate(first.length + second.length).put(first).put(second).flip();
        PickleScanner scanner = new PickleScanner(LIMIT);
        assertEquals(first.length, scanner.scan(buffer));
        assertEquals(first.length, scanner.scan(buffer), "asked again before reset: the same pickle");
        buffer.position(first.length);
        scanner.reset();
        assertEquals(second.length, scanner.scan(buffer));
    }

    @Test
    void pickleOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot() throws Exception {
        byte[] pickle = vector("valid-three-rentals-p4.pkl");
        assertEquals(pickle.length, new PickleScanner(pickle.length).scan(ByteBuffer.wrap(pickle)));
        PickleException e = assertThrows(PickleException.class,
                () -> new PickleScanner(pickle.length - 1).scan(ByteBuffer.wrap(pickle)));
        assertEquals("pickle larger than 285 bytes", e.getMessage());
    }

    @Test
    void oversizeIsRefusedAsSoonAsALimitOfBytesArrivesWithoutStop() throws Exception {
        byte[] pickle = vector("valid-three-rentals-p4.pkl");
        PickleScanner scanner = new PickleScanner(100);
        ByteBuffer buffer = ByteBuffer.wrap(pickle);
        buffer.limit(10);
        assertEquals(-1, scanner.scan(buffer));
        buffer.limit(pickle.length);
        PickleException e = assertThrows(PickleException.class, () -> scanner.scan(buffer));
        assertEquals("pickle larger than 100 bytes", e.getMessage());
    }

    @Test
    void oversizeIsRefusedFromADeclaredLengthBeforeTheBytesArrive() {
        PickleException frame = assertThrows(PickleException.class, () -> new PickleScanner(LIMIT).scan(ByteBuffer.wrap(
                latin1("\u0080\u0004\u0095\u0000\u0000\u0001\u0000\u0000\u0000\u0000\u0000"))));
        assertEquals("pickle larger than 65536 bytes", frame.getMessage());
        PickleException string = assertThrows(PickleException.class, () -> new PickleScanner(LIMIT).scan(ByteBuffer.wrap(
                latin1("X\u0000\u0000\u0001\u0000"))));
        assertEquals("pickle larger than 65536 bytes", string.getMessage());
        assertThrows(PickleException.class, () -> new PickleScanner(LIMIT).scan(ByteBuffer.wrap(
                latin1("\u008e\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff"))), "a count above 2^63");
    }

    @Test
    void textLineWithoutEndIsRefusedOnceItReachesTheLimit() throws Exception {
        PickleScanner scanner = new PickleScanner(50);
        assertEquals(-1, scanner.scan(ByteBuffer.wrap(latin1("V" + "x".repeat(48)))));
        assertThrows(PickleException.class, () -> scanner.scan(ByteBuffer.wrap(latin1("V" + "x".repeat(49)))));
        assertEquals(50, new PickleScanner(50).scan(ByteBuffer.wrap(latin1("V" + "x".repeat(47) + "\n."))));
    }

    @Test
    void maliciousVectorsAreRefusedAtTheOpcodeBeforeTheRestArrives() throws Exception {
        assertRefusedAt("GLOBAL", 0, vector("malicious-reduce-os-system-p0.pkl"));
        assertRefusedAt("GLOBAL", 2, vector("malicious-global-ordereddict-p2.pkl"));
        assertRefusedAt("STACK_GLOBAL", 38, vector("malicious-reduce-os-system-p4.pkl"));
    }

    @Test
    void firstHalfOfAMaliciousPickleHoldingTheOpcodeIsRefused() throws Exception {
        for (String name : List.of("malicious-reduce-os-system-p0.pkl", "malicious-global-ordereddict-p2.pkl")) {
            byte[] pickle = vector(name);
            ByteBuffer half = ByteBuffer.wrap(pickle, 0, pickle.length / 2);
            PickleException e = assertThrows(PickleException.class, () -> new PickleScanner(LIMIT).scan(half));
            assertEquals("pickle opcode not allowed: GLOBAL", e.getMessage());
        }
    }

    @Test
    void unknownOpcodeIsRefusedWithItsOffset() {
        PickleException e = assertThrows(PickleException.class,
                () -> new PickleScanner(LIMIT).scan(ByteBuffer.wrap(latin1("\u0080\u0004N\u00ff"))));
        assertEquals("unknown pickle opcode 0xff at offset 3", e.getMessage());
    }

    @Test
    void protocolAbove5IsRefused() {
        PickleException e = assertThrows(PickleException.class,
                () -> new PickleScanner(LIMIT).scan(ByteBuffer.wrap(new byte[] {(byte) 0x80, 6})));
        assertEquals("pickle protocol 6 is not supported", e.getMessage());
    }

    @Test
    void outOfBandBuffersAreRefused() {
        PickleException e = assertThrows(PickleException.class,
                () -> new PickleScanner(LIMIT).scan(ByteBuffer.wrap(new byte[] {(byte) 0x80, 5, (byte) 0x97})));
        assertEquals("pickle opcode not allowed: NEXT_BUFFER", e.getMessage());
    }

    @Test
    void limitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new PickleScanner(0));
    }

    @Test
    void longArgumentsArrivingOneByteAtATimeTakeLinearTime() {
        int size = 200_000;
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals(size + 3, feedOneByteAtATime(latin1("V" + "x".repeat(size) + "\n.")));
            ByteArrayOutputStream counted = new ByteArrayOutputStream();
            counted.writeBytes(new byte[] {(byte) 0x8d, 0x40, 0x0d, 0x03, 0, 0, 0, 0, 0});
            counted.writeBytes(new byte[size]);
            counted.write('.');
            assertEquals(size + 10, feedOneByteAtATime(counted.toByteArray()));
        });
    }

    private static int feedOneByteAtATime(byte[] pickle) throws PickleException {
        PickleScanner scanner = new PickleScanner(LIMIT * 4);
        ByteBuffer buffer = ByteBuffer.wrap(pickle);
        for (int n = 1; n < pickle.length; n++) {
            buffer.limit(n);
            if (scanner.scan(buffer) != -1) {
                return -n;
            }
        }
        buffer.limit(pickle.length);
        return scanner.scan(buffer);
    }

    private static void assertRefusedAt(String opcode, int offset, byte[] pickle) throws PickleException {
        PickleScanner scanner = new PickleScanner(LIMIT);
        assertEquals(-1, scanner.scan(ByteBuffer.wrap(pickle, 0, offset)), "before the opcode arrives");
        PickleException e = assertThrows(PickleException.class, () -> scanner.scan(ByteBuffer.wrap(pickle, 0, offset + 1)));
        assertEquals("pickle opcode not allowed: " + opcode, e.getMessage());
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
