package dev.portico.jca.codec;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portico.jca.api.CustomerDirectoryReply;
import dev.portico.jca.api.CustomerDirectoryRequest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jazzer target for the customer directory codec (framing at {@code \n} and parsing the
 * {@code |}-separated line). Seeds: the request lines of the shared conformance vectors, in
 * {@code CustomerDirectoryCodecFuzzerInputs/}. See {@link FuzzTargets} for how it is run.
 */
class CustomerDirectoryCodecFuzzer {

    static final int MAX_LINE_BYTES = 512;

    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    @DictionaryFile(resourcePath = "customer-directory.dict")
    void anyBytesAreARequestAnAnswerOrNeedMoreAndFrameAlikeInPieces(byte[] stream) {
        List<String> atOnce = feed(stream, Math.max(1, stream.length));
        assertTrue(atOnce.size() <= 1, "one request per connection: " + atOnce);
        assertEquals(atOnce, feed(stream, 1), "byte by byte");
        assertEquals(atOnce, feed(stream, FuzzTargets.pieceSize(stream)), "in pieces");
        if (!atOnce.isEmpty()) {
            int replyBytes = atOnce.get(0).length();
            assertTrue(replyBytes < 200 + 12 * Math.min(stream.length, MAX_LINE_BYTES + 1), () -> "reply out of proportion: " + replyBytes);
        }
    }

    private static List<String> feed(byte[] stream, int piece) {
        return new CodecFeed<CustomerDirectoryRequest, CustomerDirectoryReply>(CustomerDirectorySession.codec(MAX_LINE_BYTES), MAX_LINE_BYTES,
                CustomerDirectoryCodecFuzzer::reply, CustomerDirectoryCodecFuzzer::show).outcomes(stream, piece);
    }

    /** A request as text; a report's stream is the connection's own, so only its kind is compared. */
    private static String show(CustomerDirectoryRequest request) {
        return request instanceof CustomerDirectoryRequest.Report ? "Report" : String.valueOf(request);
    }

    /** A reply that echoes the request, as the application's do. */
    private static CustomerDirectoryReply reply(CustomerDirectoryRequest request) {
        if (request instanceof CustomerDirectoryRequest.Add add) {
            return new CustomerDirectoryReply.Added(add.line());
        } else if (request instanceof CustomerDirectoryRequest.Find find) {
            return new CustomerDirectoryReply.NotFound(find.name());
        }
        return new CustomerDirectoryReply.ServerError();
    }
}
