package dev.portico.jca.codec;

import dev.portico.jca.api.RentalIntakeReply;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The car-rental intake protocol: one Python pickle per connection, ending at its top-level STOP
 * opcode, answered with one line of text. Only plain-data opcodes are accepted: a pickle that
 * names a class or function is refused before anything is built from it. Framing is all this codec
 * does on the selector thread: the framed pickle is unpickled by {@link PickledIntake#unpickle()} on
 * the worker thread that answers it.
 */
public final class RentalIntakeCodec implements FrameCodec<PickledIntake, RentalIntakeReply> {

    static final String STORED = "Data received and stored successfully";

    private final PickleScanner scanner;

    /** @param maxPickleBytes the largest pickle accepted */
    public RentalIntakeCodec(int maxPickleBytes) {
        this.scanner = new PickleScanner(maxPickleBytes);
    }

    @Override
    public byte[] greeting() {
        return new byte[0];
    }

    @Override
    public Decoded<PickledIntake> decode(ByteBuffer received) {
        try {
            int length = scanner.scan(received);
            if (length < 0) {
                return Decoded.needMore();
            }
            byte[] pickle = new byte[length];
            received.get(pickle);
            scanner.reset();
            return new Decoded.Request<>(new PickledIntake(pickle));
        } catch (PickleException e) {
            received.position(received.limit());
            return new Decoded.Answer<>(error(e.getMessage()), true);
        }
    }

    @Override
    public byte[] encode(RentalIntakeReply reply) {
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
