package dev.portico.jca.transport;

import dev.portico.jca.codec.ConnectionCodec;
import dev.portico.jca.codec.Decoded;
import dev.portico.jca.codec.DelimiterFramer;
import dev.portico.jca.codec.FrameException;
import dev.portico.jca.codec.ProtocolSession;
import dev.portico.jca.codec.ReplyOutput;

import java.nio.charset.StandardCharsets;

/**
 * A test-only persistent protocol whose requests may stream their replies: one UTF-8 line per
 * request; the request carries the connection's reply output, and the handler's reply is written
 * after whatever it streamed, followed by {@code \n}.
 */
final class StreamingLineSession implements ProtocolSession<StreamingLineSession.Request, String> {

    /** A line, and where its reply's parts go. */
    record Request(String line, ReplyOutput output) { }

    private ReplyOutput output = ReplyOutput.NONE;

    /** A connection's codec: lines of any length the listener's buffer takes. */
    static ConnectionCodec<Request, String> codec() {
        return new ConnectionCodec<>(new DelimiterFramer((byte) '\n', Integer.MAX_VALUE, false), new StreamingLineSession());
    }

    @Override
    public void streamTo(ReplyOutput output) {
        this.output = output;
    }

    @Override
    public byte[] greeting() {
        return new byte[0];
    }

    @Override
    public Decoded<Request> parse(byte[] frame) {
        return new Decoded.Request<>(new Request(new String(frame, StandardCharsets.UTF_8), output));
    }

    @Override
    public byte[] refused(FrameException problem) {
        return new byte[0];
    }

    @Override
    public byte[] render(String reply) {
        return (reply + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String serverError() {
        return "ERROR";
    }

    @Override
    public boolean oneRequestPerConnection() {
        return false;
    }

    @Override
    public byte[] timedOut() {
        return "TIMEOUT\n".getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] incomplete() {
        return new byte[0];
    }
}
