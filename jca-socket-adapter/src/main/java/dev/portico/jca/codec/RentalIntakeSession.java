package dev.portico.jca.codec;

import dev.portico.jca.api.RentalIntakeReply;

import java.nio.charset.StandardCharsets;

/**
 * The car-rental intake protocol: one Python pickle per connection, ending at its top-level STOP
 * opcode, answered with one line of text. Only plain-data opcodes are accepted: a pickle that
 * names a class or function is refused before anything is built from it (by the {@link PickleScanner}
 * that frames it). Framing is all that happens on the selector thread: the framed pickle is
 * unpickled by {@link PickledIntake#unpickle()} on the worker thread that answers it.
 */
public final class RentalIntakeSession implements ProtocolSession<PickledIntake, RentalIntakeReply> {

    static final String STORED = "Data received and stored successfully";

    /** A connection's codec: one pickle of at most {@code maxPickleBytes} bytes. */
    public static ConnectionCodec<PickledIntake, RentalIntakeReply> codec(int maxPickleBytes) {
        return new ConnectionCodec<>(new PickleScanner(maxPickleBytes), new RentalIntakeSession());
    }

    @Override
    public byte[] greeting() {
        return new byte[0];
    }

    @Override
    public Decoded<PickledIntake> parse(byte[] frame) {
        return new Decoded.Request<>(new PickledIntake(frame));
    }

    @Override
    public byte[] refused(FrameException problem) {
        return error(problem.getMessage());
    }

    @Override
    public byte[] render(RentalIntakeReply reply) {
        if (reply instanceof RentalIntakeReply.Refused refused) {
            return error(refused.problem());
        }
        return STORED.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public RentalIntakeReply serverError() {
        return RentalIntakeReply.serverError();
    }

    @Override
    public boolean oneRequestPerConnection() {
        return true;
    }

    @Override
    public byte[] timedOut() {
        return error("no complete pickle arrived within the read timeout");
    }

    @Override
    public byte[] incomplete() {
        return error("the connection was closed before the end of the pickle");
    }

    private static byte[] error(String problem) {
        return ("Error: " + problem).getBytes(StandardCharsets.UTF_8);
    }
}
