package dev.portico.jca.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Feeds a client's bytes to a fresh codec the way the transport does (append what arrived, decode
 * until {@link Decoded.NeedMore} or the connection ends, keep the rest), in pieces of a given size,
 * and writes down what the codec made of them. Checks the {@link ConnectionCodec#decode} contract on
 * every call: the position never moves back or past the limit, and more than {@code maxBytes}
 * buffered is never {@link Decoded.NeedMore}. Used by the fuzz targets to compare the same bytes
 * arriving at once and in pieces.
 */
final class CodecFeed<Q, R> {

    private final ConnectionCodec<Q, R> codec;
    private final int maxBytes;
    private final Function<Q, R> application;
    private final Function<Q, String> show;

    /**
     * @param codec       a fresh codec (one connection)
     * @param maxBytes    the request size limit the codec was made with
     * @param application the reply to each request (encoded, so that per-connection state such as a login follows)
     * @param show        how a request is written down (must show everything that distinguishes requests)
     */
    CodecFeed(ConnectionCodec<Q, R> codec, int maxBytes, Function<Q, R> application, Function<Q, String> show) {
        this.codec = codec;
        this.maxBytes = maxBytes;
        this.application = application;
        this.show = show;
    }

    /**
     * What the codec made of {@code stream} arriving {@code piece} bytes at a time: one line per
     * request or answer, with the stream offset it consumed up to while the connection goes on
     * (the last line of a connection that ends has none: the rest of its bytes are dropped).
     */
    List<String> outcomes(byte[] stream, int piece) {
        List<String> outcomes = new ArrayList<>();
        ByteBuffer input = ByteBuffer.allocate(stream.length);
        int received = 0;
        while (received < stream.length) {
            int n = Math.min(piece, stream.length - received);
            input.put(stream, received, n);
            received += n;
            input.flip();
            boolean open = decodeAll(input, received, outcomes);
            input.compact();
            if (!open) {
                break;
            }
        }
        return outcomes;
    }

    /** Decodes what is buffered until more is needed; false once the connection ends. */
    private boolean decodeAll(ByteBuffer input, int received, List<String> outcomes) {
        while (true) {
            int before = input.position();
            Decoded<Q> decoded = codec.decode(input);
            int after = input.position();
            if (after < before || input.limit() < after) {
                fail("decode moved the position from " + before + " to " + after + " (limit " + input.limit() + ")");
            }
            if (decoded instanceof Decoded.NeedMore<Q>) {
                assertTrue(input.remaining() <= maxBytes,
                        () -> "needs more with " + input.remaining() + " bytes buffered, over the limit of " + maxBytes);
                return true;
            } else if (decoded instanceof Decoded.Answer<Q> answer) {
                boolean ends = answer.close() || codec.session().oneRequestPerConnection();
                outcomes.add("answer " + HexFormat.of().formatHex(answer.reply()) + (ends ? " and close" : at(received, input)));
                if (ends) {
                    return false;
                }
            } else if (decoded instanceof Decoded.Request<Q> request) {
                byte[] reply = CodecHarness.encode(codec, application.apply(request.request()));
                boolean ends = codec.session().closeAfterReply() || codec.session().oneRequestPerConnection();
                outcomes.add("request " + show.apply(request.request()) + " reply " + HexFormat.of().formatHex(reply)
                        + (ends ? " and close" : at(received, input)));
                if (ends) {
                    return false;
                }
            } else {
                fail("decode returned " + decoded);
            }
        }
    }

    /** Where in the stream the codec stopped consuming. */
    private static String at(int received, ByteBuffer input) {
        return " @" + (received - input.remaining());
    }
}
