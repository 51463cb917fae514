package dev.portico.jca.codec;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portico.jca.api.FeatherBaseCommand;
import dev.portico.jca.api.FeatherBaseReply;
import dev.portico.jca.api.FeatherBaseRequest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jazzer target for the FeatherBase codec: EOT framing of a stream of commands on one connection,
 * the command parser, and the connection's login state. Seeds: the commands and example session
 * of the protocol document, in {@code FeatherBaseCodecFuzzerInputs/}. See {@link FuzzTargets}.
 */
class FeatherBaseCodecFuzzer {

    /** Small, so that the fuzzer reaches the limit within its input sizes. */
    static final int MAX_COMMAND_BYTES = 200;
    static final String PASSWORD = "secret";

    @FuzzTest(maxDuration = FuzzTargets.MAX_DURATION)
    @DictionaryFile(resourcePath = "featherbase.dict")
    void anyStreamFramesIntoRequestsAndAnswersAlikeAtOnceByteByByteAndInPieces(byte[] stream) {
        int eots = 0;
        for (byte b : stream) {
            eots += b == FeatherBaseSession.EOT ? 1 : 0;
        }
        for (boolean authenticationRequired : new boolean[] {false, true}) {
            List<String> atOnce = feed(stream, Math.max(1, stream.length), authenticationRequired);
            assertTrue(atOnce.size() <= eots + 1, () -> "more frames than EOTs: " + atOnce);
            assertEquals(atOnce, feed(stream, FuzzTargets.pieceSize(stream), authenticationRequired), "in pieces");
            if (!authenticationRequired) {
                // the framing does not depend on logins: one byte-by-byte run is enough (it costs a decode per byte)
                assertEquals(atOnce, feed(stream, 1, false), "byte by byte");
            }
        }
    }

    private static List<String> feed(byte[] stream, int piece, boolean authenticationRequired) {
        return new CodecFeed<FeatherBaseRequest, FeatherBaseReply>(FeatherBaseSession.codec(MAX_COMMAND_BYTES, authenticationRequired),
                MAX_COMMAND_BYTES, request -> reply(request, authenticationRequired), FeatherBaseCodecFuzzer::show).outcomes(stream, piece);
    }

    /** Logs in with {@link #PASSWORD}; checks that only a logged-in connection's commands get through when logins are required. */
    private static FeatherBaseReply reply(FeatherBaseRequest request, boolean authenticationRequired) {
        if (request.command() instanceof FeatherBaseCommand.Authenticate auth) {
            assertNull(request.user(), "auth starts from no user");
            return PASSWORD.equals(auth.password()) ? new FeatherBaseReply.Authenticated(auth.user()) : FeatherBaseReply.status(FeatherBaseReply.Word.FAILURE);
        }
        if (authenticationRequired) {
            assertNotNull(request.user(), () -> "a command without login reached the application: " + request);
        }
        if (request.command() instanceof FeatherBaseCommand.ListDatabases) {
            return new FeatherBaseReply.Values(List.of("shop", "stock"));
        }
        return FeatherBaseReply.status(FeatherBaseReply.Word.SUCCESS);
    }

    private static String show(FeatherBaseRequest request) {
        String password = request.command() instanceof FeatherBaseCommand.Authenticate auth ? " password=" + auth.password() : "";
        return request.user() + " " + request.command() + password;
    }
}
