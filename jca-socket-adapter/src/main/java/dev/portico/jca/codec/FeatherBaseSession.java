package dev.portico.jca.codec;

import dev.portico.jca.api.FeatherBaseCommand;
import dev.portico.jca.api.FeatherBaseReply;
import dev.portico.jca.api.FeatherBaseReply.Word;
import dev.portico.jca.api.FeatherBaseRequest;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The FeatherBase protocol: a greeting, then any number of commands on one connection, each
 * ending at EOT ({@code \x04}); a {@code \n} or {@code \r\n} after EOT is ignored. Every reply
 * ends with EOT (framed by a {@link DelimiterFramer}). Holds the connection's authenticated user:
 * each {@code auth} drops it first, so a failed one leaves the connection unauthenticated; after
 * {@value #MAX_AUTH_FAILURES} failed {@code auth}s the connection is closed right after the last
 * {@code FAILURE}. The login changes when the listener takes the reply to an {@code auth}
 * ({@link #taken}), on the listener's thread.
 */
public final class FeatherBaseSession implements ProtocolSession<FeatherBaseRequest, FeatherBaseReply> {

    static final byte EOT = 0x04;
    static final int MAX_AUTH_FAILURES = 3;
    private static final byte[] GREETING = "Connection accepted\n".getBytes(StandardCharsets.US_ASCII);

    private final boolean authenticationRequired;
    private String user;
    /** Failed {@code auth} attempts on this connection; the reply to the {@link #MAX_AUTH_FAILURES}th closes it. */
    private int authFailures;
    /** The request being answered is an {@code auth}. */
    private boolean authPending;
    private String clientAddress;
    private boolean closeAfterReply;

    /** @param authenticationRequired whether commands other than {@code auth} are refused until one succeeds */
    public FeatherBaseSession(boolean authenticationRequired) {
        this.authenticationRequired = authenticationRequired;
    }

    /**
     * A connection's codec.
     *
     * @param maxCommandBytes        the longest command accepted, EOT not counted
     * @param authenticationRequired whether commands other than {@code auth} are refused until one succeeds
     */
    public static ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> codec(int maxCommandBytes, boolean authenticationRequired) {
        return new ConnectionCodec<>(new DelimiterFramer(EOT, maxCommandBytes, true), new FeatherBaseSession(authenticationRequired));
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
    public Decoded<FeatherBaseRequest> parse(byte[] frame) {
        String text = new String(frame, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) { // the strict check only when decoding replaced something (or U+FFFD was sent)
            try {
                PickleText.utf8(frame);
            } catch (PickleText.Malformed e) {
                // Names and values are UTF-8: bytes that are not cannot be stored as sent, and replacing them would make
                // different names one (the original server kept the bytes). Malformed, so answered as the protocol does.
                return new Decoded.Answer<>(statusBytes(Word.SYNTAXERROR), false);
            }
        }
        return command(text);
    }

    @Override
    public byte[] refused(FrameException problem) {
        return statusBytes(Word.SYNTAXERROR);
    }

    private Decoded<FeatherBaseRequest> command(String text) {
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
    public byte[] render(FeatherBaseReply reply) {
        if (reply instanceof FeatherBaseReply.Status status) {
            return statusBytes(status.word());
        } else if (reply instanceof FeatherBaseReply.Values values) {
            return terminated(String.join("\t", values.values()));
        } else {
            Objects.requireNonNull(reply, "the application answered nothing");
            return statusBytes(Word.SUCCESS);
        }
    }

    /** A successful {@code auth} logs its user in; a failed one counts towards closing the connection. */
    @Override
    public void taken(FeatherBaseReply reply) {
        if (authPending && reply instanceof FeatherBaseReply.Status status && status.word() == Word.FAILURE) {
            authFailures++;
            closeAfterReply = authFailures >= MAX_AUTH_FAILURES;
        }
        authPending = false;
        if (reply instanceof FeatherBaseReply.Authenticated authenticated) {
            user = authenticated.user();
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
