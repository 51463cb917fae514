package dev.portico.jca.codec;

import java.nio.ByteBuffer;

/**
 * Frames that end at one delimiter byte (as Netty's {@code LineBasedFrameDecoder} does for
 * {@code \n}): {@code \n} for the customer directory, EOT for FeatherBase. It remembers how far it
 * has searched the frame being received, so a frame drip-fed a byte at a time costs linear time.
 */
public final class DelimiterFramer implements Framer {

    private final byte delimiter;
    private final int maxFrameBytes;
    private final boolean skipLineEnds;
    /** How many bytes of the frame being received were already searched for the delimiter. */
    private int searched;

    /**
     * @param delimiter     the byte that ends a frame (not part of it)
     * @param maxFrameBytes the longest frame accepted, delimiter not counted
     * @param skipLineEnds  whether {@code \n} and {@code \r} before a frame are dropped (FeatherBase ignores them after EOT)
     */
    public DelimiterFramer(byte delimiter, int maxFrameBytes, boolean skipLineEnds) {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("the frame limit must be positive, got " + maxFrameBytes);
        }
        this.delimiter = delimiter;
        this.maxFrameBytes = maxFrameBytes;
        this.skipLineEnds = skipLineEnds;
    }

    @Override
    public byte[] next(ByteBuffer received) throws FrameException {
        if (skipLineEnds && searched == 0) {
            while (received.hasRemaining() && (received.get(received.position()) == '\n' || received.get(received.position()) == '\r')) {
                received.position(received.position() + 1);
            }
        }
        int start = received.position();
        int searchEnd = (int) Math.min(received.limit(), (long) start + maxFrameBytes + 1);
        for (int i = start + searched; i < searchEnd; i++) {
            if (received.get(i) == delimiter) {
                byte[] frame = new byte[i - start];
                received.get(frame);
                received.position(i + 1);
                searched = 0;
                return frame;
            }
        }
        searched = Math.max(0, searchEnd - start);
        if (received.remaining() > maxFrameBytes) {
            searched = 0;
            received.position(received.limit());
            throw new FrameException("no delimiter within " + maxFrameBytes + " bytes");
        }
        return null;
    }
}
