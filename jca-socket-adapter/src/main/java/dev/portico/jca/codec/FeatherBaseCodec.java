package dev.portico.jca.codec;

import dev.portico.jca.api.FeatherBaseCommand;
import dev.portico.jca.api.FeatherBaseReply;
import dev.portico.jca.api.FeatherBaseReply.Word;
import dev.portico.jca.api.FeatherBaseRequest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The FeatherBase protocol: a greeting, then any number of commands on one connection, each
 * ending at EOT ({@code \x04}); a {@code \n} or {@code \r\n} after EOT is ignored. Every reply
 * ends with EOT. Holds the connection's authenticated user: each {@code auth} drops it first, so a
 * failed one leaves the connection unauthenticated; after {@value #MAX_AUTH_FAILURES} failed
 * {@code auth}s the connection is closed right after the last {@code FAILURE}.
 */
public final class FeatherBaseCodec implements FrameCodec<FeatherBaseRequest, FeatherBaseReply> {

    static final byte EOT = 0x04;
    static final int MAX_AUTH_FAILURES = 3;
    private static final byte[] GREETING = "Connection accepted\n".getBytes(StandardCharsets.US_ASCII);

    private final int maxCommandBytes;
    private final boolean authenticationRequired;
    private String user;
    /** How many bytes of the command being received were already searched for EOT (so drip-fed input costs linear time). */
    private int searched;
    /** Failed {@code auth} attempts on this connection; the reply to the {@link #MAX_AUTH_FAILURES}th closes it. */
    private int authFailures;
    private boolean authPending;
    private String clientAddress;
    private boolean closeAfterReply;

    /**
     * @param maxCommandBytes        the longest command accepted, EOT not counted
     * @param authenticationRequired whether commands other than {@code auth} are refused until one succeeds
     */
    public FeatherBaseCodec(int maxCommandBytes, boolean authenticationRequired) {
        if (maxCommandBytes < 1) {
            throw new IllegalArgumentException("maxCommandBytes must be positive, got " + maxCommandBytes);
        }
        this.maxCommandBytes = maxCommandBytes;
        this.authenticationRequired = authenticationRequired;
    }

    @Override
    public void clientAddress(String address) {
        this.clientAddress = address;
    }

    @Override
    public byte[] greeting() {
        return GREETING.clone();
    }

    @Override
    public Decoded<FeatherBaseRequest> decode(ByteBuffer received) {
        if (searched == 0) {
            while (received.hasRemaining() && (received.get(received.position()) == '\n' || received.get(received.position()) == '\r')) {
                received.position(received.position() + 1);
            }
        }
        int start = received.position();
        int searchEnd = Math.min(received.limit(), start + maxCommandBytes + 1);
        for (int i = start + searched; i < searchEnd; i++) {
            if (received.get(i) == EOT) {
                byte[] command = new byte[i - start];
                received.get(command);
                received.position(i + 1);
                searched = 0;
                return frame(new String(command, StandardCharsets.UTF_8));
            }
        }
        searched = Math.max(0, searchEnd - start);
        if (received.remaining() > maxCommandBytes) {
            searched = 0;
            received.position(received.limit());
            return new Decoded.Answer<>(statusBytes(Word.SYNTAXERROR), true);
        }
        return Decoded.needMore();
    }

    private Decoded<FeatherBaseRequest> frame(String text) {
        FeatherBaseCommand command;
        try {
            command = FeatherBaseCommandParser.parse(text);
        } catch (FeatherBaseCommandParser.MalformedCommandException e) {
            return new Decoded.Answer<>(statusBytes(Word.SYNTAXERROR), false);
        }
        if (authenticationRequired && user == null && !(command instanceof FeatherBaseCommand.Authenticate)) {
            return new Decoded.Answer<>(statusBytes(Word.FAILURE), false);
        }
        authPending = command instanceof FeatherBaseCommand.Authenticate;
        if (authPending) {
            user = null;
        }
        return new Decoded.Request<>(new FeatherBaseRequest(user, command, clientAddress));
    }

    @Override
    public byte[] encode(FeatherBaseReply reply) {
        if (authPending && reply instanceof FeatherBaseReply.Status status && status.word() == Word.FAILURE) {
            authFailures++;
            closeAfterReply = authFailures >= MAX_AUTH_FAILURES;
        }
        authPending = false;
        if (reply instanceof FeatherBaseReply.Status status) {
            return statusBytes(status.word());
        } else if (reply instanceof FeatherBaseReply.Values values) {
            return terminated(String.join("\t", values.values()));
        } else {
            user = ((FeatherBaseReply.Authenticated) reply).user();
            return statusBytes(Word.SUCCESS);
        }
    }

    @Override
    public FeatherBaseReply serverError() {
        return FeatherBaseReply.status(Word.FAILURE);
    }

    @Override
    public boolean closeAfterReply() {
        return closeAfterReply;
    }

    @Override
    public boolean oneRequestPerConnection() {
        return false;
    }

    @Override
    public byte[] timedOut() {
        return statusBytes(Word.SYNTAXERROR);
    }

    @Override
    public byte[] incomplete() {
        return new byte[0];
    }

    private static byte[] statusBytes(Word word) {
        return terminated(word.name());
    }

    private static byte[] terminated(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 0, bytes.length);
        out[bytes.length] = EOT;
        return out;
    }
}
