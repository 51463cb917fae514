package dev.portico.jca.codec;

import dev.portico.jca.api.RentalIntakeReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.portico.jca.codec.CodecHarness.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The car-rental intake codec, fed the reference vectors (vectors/rental/*.pkl) and raw bytes. */
class RentalIntakeCodecTest {

    private static final Path VECTORS = Path.of("../../shared/protocols/vectors/rental");
    /** The protocol's default request size limit. */
    private static final int LIMIT = 64 * 1024;

    private static final Map<String, Object> ONE_RENTAL = Map.of(
            "users", List.of(List.of("Mira", "F")),
            "CarStatus", List.of(List.of("Axia", "10KM")),
            "Time_Rent", List.of(List.of("2024-01-25 08:30:01", "2024-01-25 20:30:01")));

    private final ConnectionCodec<PickledIntake, RentalIntakeReply> codec = RentalIntakeSession.codec(LIMIT);

    // ---- valid and invalid vectors decode to plain data -----------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void validOneRentalVectorOfEveryProtocolDecodesToItsDictOfThreeLists(int protocol) {
        Object payload = request(codec, vector("valid-one-rental-p" + protocol + ".pkl"));

        assertEquals(ONE_RENTAL, payload);
        assertEquals(List.of("users", "CarStatus", "Time_Rent"), List.copyOf(((Map<?, ?>) payload).keySet()), "keys keep their order");
    }

    static Stream<Arguments> contentVectors() {
        return Stream.of(
                Arguments.of("valid-three-rentals-p4.pkl", Map.of(
                        "users", List.of(List.of("Ali", "M"), List.of("Kamal", "M"), List.of("Siti", "F")),
                        "CarStatus", List.of(List.of("Corola", "50KM"), List.of("Axia", "7KM"), List.of("Kancil", "80KM")),
                        "Time_Rent", List.of(List.of("2024-01-24 06:00:00", "2024-01-24 13:00:00"),
                                List.of("2024-01-24 10:00:00", "2024-01-24 15:00:00"),
                                List.of("2024-01-24 11:00:00", "2024-01-24 19:00:00")))),
                Arguments.of("invalid-car-p4.pkl", Map.of(
                        "users", List.of(List.of("Mira", "F")),
                        "CarStatus", List.of(List.of("Ferrari", "10KM")),
                        "Time_Rent", List.of(List.of("2024-01-25 08:30:01", "2024-01-25 20:30:01")))),
                Arguments.of("invalid-gender-p4.pkl", Map.of(
                        "users", List.of(List.of("Mira", "X")),
                        "CarStatus", List.of(List.of("Axia", "10KM")),
                        "Time_Rent", List.of(List.of("2024-01-25 08:30:01", "2024-01-25 20:30:01")))),
                Arguments.of("invalid-length-mismatch-p4.pkl", Map.of(
                        "users", List.of(List.of("Mira", "F"), List.of("Ali", "M")),
                        "CarStatus", List.of(List.of("Axia", "10KM")),
                        "Time_Rent", List.of(List.of("2024-01-25 08:30:01", "2024-01-25 20:30:01")))),
                Arguments.of("invalid-time-order-p4.pkl", Map.of(
                        "users", List.of(List.of("Mira", "F")),
                        "CarStatus", List.of(List.of("Axia", "10KM")),
                        "Time_Rent", List.of(List.of("2024-01-25 20:30:01", "2024-01-25 08:30:01")))));
    }

    @ParameterizedTest
    @MethodSource("contentVectors")
    void vectorWithWellFormedPickleDecodesToARequestWhateverItsContent(String file, Map<String, Object> expected) {
        Object payload = request(codec, vector(file));

        assertEquals(expected, payload);
        assertEquals(List.of("users", "CarStatus", "Time_Rent"), List.copyOf(((Map<?, ?>) payload).keySet()));
    }

    @Test
    void notADictVectorDecodesToARequestHoldingTheList() {
        assertEquals(List.of("users"), request(codec, vector("invalid-not-a-dict-p4.pkl")));
    }

    @Test
    void decodedRequestConsumesExactlyThePickle() {
        byte[] pickle = vector("valid-one-rental-p4.pkl");
        ByteBuffer received = ByteBuffer.wrap(Arrays.copyOf(pickle, pickle.length + 3));

        assertInstanceOf(Decoded.Request.class, codec.decode(received));
        assertEquals(pickle.length, received.position(), "the position moves just past the STOP");
    }

    // ---- malicious vectors and bad pickles --------------------------------------------------------

    static Stream<Arguments> maliciousVectors() {
        return Stream.of(
                Arguments.of("malicious-global-ordereddict-p2.pkl", "GLOBAL", 2),
                Arguments.of("malicious-reduce-os-system-p0.pkl", "GLOBAL", 0),
                Arguments.of("malicious-reduce-os-system-p4.pkl", "STACK_GLOBAL", 38));
    }

    @ParameterizedTest
    @MethodSource("maliciousVectors")
    void maliciousVectorIsAnsweredWithItsFirstRefusedOpcodeAndClosed(String file, String opcode, int offset) {
        ByteBuffer received = ByteBuffer.wrap(vector(file));

        Decoded.Answer<PickledIntake> answer = answer(codec.decode(received));

        assertEquals("Error: pickle opcode not allowed: " + opcode, text(answer.reply()));
        assertTrue(answer.close(), "the connection closes after the error");
        assertEquals(received.limit(), received.position(), "the refused bytes are consumed");
    }

    @ParameterizedTest
    @MethodSource("maliciousVectors")
    void maliciousVectorIsRefusedAsSoonAsItsRefusedOpcodeArrives(String file, String opcode, int offset) {
        byte[] upToOpcode = Arrays.copyOf(vector(file), offset + 1);

        Decoded.Answer<PickledIntake> answer = answer(codec.decode(ByteBuffer.wrap(upToOpcode)));

        assertEquals("Error: pickle opcode not allowed: " + opcode, text(answer.reply()));
        assertTrue(answer.close());
    }

    static Stream<Arguments> badPickles() {
        return Stream.of(
                Arguments.of(new byte[] {(byte) 0xff}, "Error: unknown pickle opcode 0xff at offset 0"),
                Arguments.of(new byte[] {(byte) 0x80, 6, 'N', '.'}, "Error: pickle protocol 6 is not supported"),
                Arguments.of("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII), "Error: pickle opcode not allowed: PERSID"));
    }

    static Stream<Arguments> picklesRefusedOnceFramed() {
        return Stream.of(
                Arguments.of(new byte[] {(byte) 0x80, 4, 'a', '.'}, "Error: stack underflow at APPEND (offset 2)"),
                Arguments.of(new byte[] {(byte) 0x80, 4, ']', (byte) 0x8c, 2, (byte) 0xc3, 0x28, 'a', '.'},
                        "Error: malformed UTF-8 at SHORT_BINUNICODE (offset 3)"));
    }

    @ParameterizedTest
    @MethodSource("picklesRefusedOnceFramed")
    void pickleThatFramesButDoesNotDecodeIsFramedHereAndRefusedWhenUnpickledOnTheWorkerThread(byte[] bytes, String expected) {
        Decoded.Request<?> framed = assertInstanceOf(Decoded.Request.class, codec.decode(ByteBuffer.wrap(bytes)));

        PickleException refused = assertThrows(PickleException.class, ((PickledIntake) framed.request())::unpickle);

        assertEquals(expected, text(encode(codec, PickledIntake.refusal(refused))));
    }

    @ParameterizedTest
    @MethodSource("badPickles")
    void malformedPickleIsAnsweredWithAnErrorAndClosed(byte[] bytes, String expected) {
        Decoded.Answer<PickledIntake> answer = answer(codec.decode(ByteBuffer.wrap(bytes)));

        assertEquals(expected, text(answer.reply()));
        assertTrue(answer.close());
    }

    // ---- framing ----------------------------------------------------------------------------------

    @Test
    void truncatedVectorNeedsMoreAndConsumesNothing() {
        ByteBuffer received = ByteBuffer.wrap(vector("truncated-p4.pkl"));

        assertInstanceOf(Decoded.NeedMore.class, codec.decode(received));
        assertEquals(0, received.position());
    }

    @Test
    void truncatedVectorArrivingByteByByteNeedsMoreThroughout() {
        byte[] truncated = vector("truncated-p4.pkl");
        ByteBuffer input = ByteBuffer.allocate(truncated.length);

        for (int i = 0; i < truncated.length; i++) {
            assertInstanceOf(Decoded.NeedMore.class, receive(codec, input, truncated[i]), "after " + (i + 1) + " bytes");
        }
    }

    static Stream<String> wellFormedVectors() {
        return Stream.of("valid-one-rental-p0.pkl", "valid-one-rental-p1.pkl", "valid-one-rental-p2.pkl", "valid-one-rental-p3.pkl",
                "valid-one-rental-p4.pkl", "valid-one-rental-p5.pkl", "valid-three-rentals-p4.pkl", "invalid-not-a-dict-p4.pkl");
    }

    @ParameterizedTest
    @MethodSource("wellFormedVectors")
    void vectorArrivingOneByteAtATimeNeedsMoreUntilItsLastByte(String file) {
        byte[] pickle = vector(file);
        Object whole = request(RentalIntakeSession.codec(LIMIT), pickle);
        ByteBuffer input = ByteBuffer.allocate(pickle.length);

        for (int i = 0; i < pickle.length - 1; i++) {
            assertInstanceOf(Decoded.NeedMore.class, receive(codec, input, pickle[i]), "after " + (i + 1) + " of " + pickle.length + " bytes");
        }
        Decoded<PickledIntake> last = receive(codec, input, pickle[pickle.length - 1]);

        assertEquals(whole, payload(last));
        assertEquals(0, input.position(), "nothing is left over once compacted");
    }

    @Test
    void pickleOfExactlyTheLimitIsAccepted() {
        byte[] pickle = vector("valid-three-rentals-p4.pkl");

        assertEquals(3, ((List<?>) ((Map<?, ?>) request(RentalIntakeSession.codec(pickle.length), pickle)).get("users")).size());
    }

    @Test
    void pickleOneByteOverTheLimitIsAnsweredWithAnErrorAndClosed() {
        byte[] pickle = vector("valid-three-rentals-p4.pkl");
        ConnectionCodec<PickledIntake, RentalIntakeReply> small = RentalIntakeSession.codec(pickle.length - 1);

        Decoded.Answer<PickledIntake> answer = answer(small.decode(ByteBuffer.wrap(pickle)));

        assertEquals("Error: pickle larger than " + (pickle.length - 1) + " bytes", text(answer.reply()));
        assertTrue(answer.close());
    }

    @Test
    void pickleLongerThanTheDefaultLimitIsAnsweredWithAnErrorAndClosed() {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(']');
        for (int i = 0; i < 40_000; i++) {
            pickle.writeBytes("Na".getBytes(StandardCharsets.US_ASCII));
        }
        pickle.write('.');
        byte[] bytes = pickle.toByteArray();
        assertTrue(bytes.length > LIMIT);

        Decoded.Answer<PickledIntake> answer = answer(codec.decode(ByteBuffer.wrap(bytes)));

        assertEquals("Error: pickle larger than " + LIMIT + " bytes", text(answer.reply()));
        assertTrue(answer.close());
    }

    @Test
    void sameKindOfPickleUnderTheDefaultLimitIsAccepted() {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(']');
        for (int i = 0; i < 20_000; i++) {
            pickle.writeBytes("Na".getBytes(StandardCharsets.US_ASCII));
        }
        pickle.write('.');

        assertEquals(20_000, ((List<?>) request(codec, pickle.toByteArray())).size());
    }

    @Test
    void stringAnnouncedLargerThanTheLimitIsRefusedBeforeItArrives() {
        int length = LIMIT + 1;
        byte[] header = {(byte) 0x80, 4, 'X', (byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) (length >> 24)};

        Decoded.Answer<PickledIntake> answer = answer(codec.decode(ByteBuffer.wrap(header)));

        assertEquals("Error: pickle larger than " + LIMIT + " bytes", text(answer.reply()));
        assertTrue(answer.close());
    }

    @Test
    void bytesArrivingOneAtATimeWithoutStopAreRefusedOnceTheLimitIsReached() {
        int limit = 64;
        ConnectionCodec<PickledIntake, RentalIntakeReply> small = RentalIntakeSession.codec(limit);
        ByteBuffer input = ByteBuffer.allocate(limit + 2);
        byte[] endless = "N0".repeat(limit).getBytes(StandardCharsets.US_ASCII);

        int received = 0;
        Decoded<PickledIntake> decoded;
        do {
            decoded = receive(small, input, endless[received++]);
        } while (decoded instanceof Decoded.NeedMore && received < endless.length);

        assertTrue(received >= limit && received <= limit + 1, "answered after " + received + " bytes");
        assertEquals("Error: pickle larger than " + limit + " bytes", text(answer(decoded).reply()));
        assertTrue(answer(decoded).close());
    }

    // ---- replies and connection behaviour ---------------------------------------------------------

    @Test
    void storedIsEncodedAsTheReferenceReplyByteForByte() {
        assertArrayEquals("Data received and stored successfully".getBytes(StandardCharsets.US_ASCII),
                encode(codec, new RentalIntakeReply.Stored()));
    }

    @Test
    void refusedIsEncodedAsErrorAndTheProblemInUtf8() {
        assertArrayEquals("Error: x".getBytes(StandardCharsets.US_ASCII), encode(codec, new RentalIntakeReply.Refused("x")));
        assertArrayEquals("Error: users[0]: gender must be M or F, got 'É'".getBytes(StandardCharsets.UTF_8),
                encode(codec, new RentalIntakeReply.Refused("users[0]: gender must be M or F, got 'É'")));
    }

    @Test
    void serverErrorIsEncodedAsAnError() {
        assertTrue(text(encode(codec, codec.session().serverError())).startsWith("Error: "));
    }

    @Test
    void timeoutAndIncompleteRequestAreAnsweredWithErrors() {
        assertTrue(text(codec.session().timedOut()).startsWith("Error: "), text(codec.session().timedOut()));
        assertTrue(text(codec.session().timedOut()).length() > "Error: ".length());
        assertTrue(text(codec.session().incomplete()).startsWith("Error: "), text(codec.session().incomplete()));
        assertTrue(text(codec.session().incomplete()).length() > "Error: ".length());
    }

    @Test
    void connectionServesOneRequest() {
        assertTrue(codec.session().oneRequestPerConnection());
    }

    @Test
    void serverSendsNoGreeting() {
        assertEquals(0, codec.session().greeting().length);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static byte[] vector(String file) {
        try {
            return Files.readAllBytes(VECTORS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload of the request the whole pickle decodes to. */
    private static Object request(ConnectionCodec<PickledIntake, RentalIntakeReply> codec, byte[] pickle) {
        return payload(codec.decode(ByteBuffer.wrap(pickle)));
    }

    /** The value of the pickle a request framed (what the worker thread unpickles; its typing is RentalValuesTest's). */
    private static Object payload(Decoded<PickledIntake> decoded) {
        if (!(decoded instanceof Decoded.Request<PickledIntake> request)) {
            throw new AssertionError("expected a request, got " + describe(decoded));
        }
        try {
            return PickleDecoder.decode(request.request().pickle());
        } catch (PickleException e) {
            throw new AssertionError("the framed pickle does not decode: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Decoded.Answer<PickledIntake> answer(Decoded<PickledIntake> decoded) {
        return assertInstanceOf(Decoded.Answer.class, decoded, () -> "expected an answer, got " + describe(decoded));
    }

}
