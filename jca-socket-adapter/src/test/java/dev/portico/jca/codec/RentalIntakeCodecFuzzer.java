package dev.portico.jca.codec;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portico.jca.api.RentalIntakeReply;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jazzer target for the rental intake: the pickle scanner's framing (through the codec, at once,
 * byte by byte and in pieces), the decoder on the same bytes, and how big what it builds may be.
 * Seeds: the shared rental vectors (valid, invalid, malicious, truncated) and pickles of every
 * protocol, in {@code RentalIntakeCodecFuzzerInputs/}. See {@link FuzzTargets}.
 */
class RentalIntakeCodecFuzzer {

    /** Small, so that the fuzzer reaches the limit within its input sizes. */
    static final int MAX_PICKLE_BYTES = 1024;

    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    @DictionaryFile(resourcePath = "pickle.dict")
    void anyBytesAreOnePickleValueOrARefusalAndFrameAlikeInPieces(byte[] stream) {
        List<String> atOnce = feed(stream, Math.max(1, stream.length));
        assertTrue(atOnce.size() <= 1, () -> "one pickle per connection: " + atOnce);
        assertEquals(atOnce, feed(stream, 1), "byte by byte");
        assertEquals(atOnce, feed(stream, FuzzTargets.pieceSize(stream)), "in pieces");
        checkDecoderAgreesWithScanner(stream);
    }

    private static List<String> feed(byte[] stream, int piece) {
        return new CodecFeed<PickledIntake, RentalIntakeReply>(RentalIntakeSession.codec(MAX_PICKLE_BYTES), MAX_PICKLE_BYTES,
                request -> new RentalIntakeReply.Stored(), RentalIntakeCodecFuzzer::unpickled).outcomes(stream, piece);
    }

    /** What the worker thread makes of a framed pickle: its value, or the refusal it is answered with. */
    private static String unpickled(PickledIntake framed) {
        try {
            return PickleValues.show(CodecHarness.plain(framed.unpickle().payload()));
        } catch (PickleException e) {
            return "refused: " + e.getMessage();
        }
    }

    /** The whole input as one pickle: a value no bigger than its bytes allow, or a refusal the scanner agrees with. */
    private static void checkDecoderAgreesWithScanner(byte[] pickle) {
        String scanned;
        try {
            int length = new PickleScanner(Integer.MAX_VALUE).scan(ByteBuffer.wrap(pickle));
            scanned = length < 0 ? "need more" : "length " + length;
        } catch (PickleException e) {
            scanned = e.getMessage();
        }
        try {
            Object value = PickleDecoder.decode(pickle);
            assertEquals("length " + pickle.length, scanned, "decoded though the scanner said otherwise");
            PickleValues.checkBounded(value, pickle.length);
        } catch (PickleException e) {
            if (scanned.startsWith("pickle opcode not allowed")) {
                assertEquals(scanned, e.getMessage(), "refused for another reason than the scanner");
            }
        }
    }
}
