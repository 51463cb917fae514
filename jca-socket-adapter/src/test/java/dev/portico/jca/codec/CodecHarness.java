package dev.portico.jca.codec;

import dev.portico.jca.api.RentalValue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The codec tests' one harness: hands bytes to a connection's codec as the transport does (append,
 * flip, decode, compact), answers requests as the transport does (render, then the session takes
 * the reply), and reads and writes test text.
 */
public final class CodecHarness {

    private CodecHarness() {
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Bytes written as in the protocol documents ({@code \xNN} is the byte NN), see {@link WireText}. */
    public static byte[] wire(String text) {
        return WireText.bytes(text);
    }

    /** The bytes of a reply as the transport sends them: rendered, then taken by the session (which may change its state). */
    public static <Q, R> byte[] encode(ConnectionCodec<Q, R> codec, R reply) {
        byte[] bytes = codec.session().render(reply);
        codec.session().taken(reply);
        return bytes;
    }

    /** One more byte arrives, handed to the codec as the transport does: flip, decode, compact. */
    public static <Q> Decoded<Q> receive(ConnectionCodec<Q, ?> codec, ByteBuffer input, byte next) {
        input.put(next);
        input.flip();
        try {
            return codec.decode(input);
        } finally {
            input.compact();
        }
    }

    /** What the codec makes of {@code bytes} arriving one byte at a time: every outcome but need-more. */
    public static <Q> List<Decoded<Q>> feedByteByByte(ConnectionCodec<Q, ?> codec, byte[] bytes) {
        return feedInChunks(codec, bytes, new int[] {1});
    }

    /**
     * What the codec makes of {@code bytes} arriving in chunks of the given sizes (cycling) into one
     * buffer, as the transport does: after each chunk, decode until more is needed or an answer closes
     * the connection, then compact. Every outcome but need-more, in order.
     */
    public static <Q> List<Decoded<Q>> feedInChunks(ConnectionCodec<Q, ?> codec, byte[] bytes, int[] chunkSizes) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length);
        List<Decoded<Q>> outcomes = new ArrayList<>();
        int at = 0;
        for (int chunk = 0; at < bytes.length; chunk++) {
            int size = Math.min(chunkSizes[chunk % chunkSizes.length], bytes.length - at);
            buffer.put(bytes, at, size);
            at += size;
            buffer.flip();
            try {
                while (true) {
                    Decoded<Q> decoded = codec.decode(buffer);
                    if (decoded instanceof Decoded.NeedMore) {
                        break;
                    }
                    outcomes.add(decoded);
                    if (decoded instanceof Decoded.Answer<Q> answer && answer.close()) {
                        return outcomes;
                    }
                }
            } finally {
                buffer.compact();
            }
        }
        return outcomes;
    }

    /** The request a decode gave, failing the test for anything else. */
    @SuppressWarnings("unchecked")
    public static <Q> Q request(Decoded<Q> decoded) {
        Decoded.Request<?> request = assertInstanceOf(Decoded.Request.class, decoded, () -> "not a request: " + describe(decoded));
        return (Q) request.request();
    }

    public static void assertAnswer(String expected, boolean close, Decoded<?> decoded) {
        assertAnswer(expected, close, decoded, () -> "");
    }

    public static void assertAnswer(String expected, boolean close, Decoded<?> decoded, Supplier<String> context) {
        Decoded.Answer<?> answer = assertInstanceOf(Decoded.Answer.class, decoded, () -> context.get() + " not an answer: " + decoded);
        assertEquals(expected, text(answer.reply()), context);
        assertEquals(close, answer.close(), () -> context.get() + (close ? " the connection closes" : " the connection stays open"));
    }

    public static String describe(Decoded<?> decoded) {
        return decoded instanceof Decoded.Answer<?> answer ? "answer " + text(answer.reply()) : String.valueOf(decoded);
    }

    /**
     * A typed rental value as the plain data the decoder gave (maps, lists, strings, Long or
     * BigInteger, Double, Boolean, null; bytes as zeros of their length), to compare with expected payloads.
     */
    public static Object plain(RentalValue value) {
        if (value instanceof RentalValue.Text text) {
            return text.text();
        } else if (value instanceof RentalValue.Whole whole) {
            return whole.number().bitLength() < 64 ? (Object) whole.number().longValue() : whole.number();
        } else if (value instanceof RentalValue.Real real) {
            return real.number();
        } else if (value instanceof RentalValue.Truth truth) {
            return truth.value();
        } else if (value instanceof RentalValue.Bytes bytes) {
            return new byte[bytes.length()];
        } else if (value instanceof RentalValue.Items items) {
            List<Object> list = new ArrayList<>();
            items.items().forEach(item -> list.add(plain(item)));
            while (list.size() < items.size()) {
                list.add(null);
            }
            return list;
        } else if (value instanceof RentalValue.Mapping mapping) {
            Map<Object, Object> map = new LinkedHashMap<>();
            mapping.entries().forEach((k, v) -> map.put(plain(k), plain(v)));
            return map;
        }
        return null;
    }
}
