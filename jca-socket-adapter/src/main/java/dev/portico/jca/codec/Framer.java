package dev.portico.jca.codec;

import java.nio.ByteBuffer;

/**
 * Cuts frames out of one connection's received bytes, knowing nothing of what they mean:
 * {@link DelimiterFramer} for frames that end at a byte, {@link PickleScanner} for pickles. Keeps
 * how far it has looked between calls, so bytes arriving a few at a time cost linear time.
 * One instance per connection, one thread at a time.
 */
public interface Framer {

    /**
     * The next complete frame at the buffer's position, without its delimiter: its bytes (and the
     * delimiter) are consumed. Null when more bytes are needed; bytes that belong to no frame may be
     * consumed meanwhile. Once more than the frame size limit is buffered without a complete frame,
     * the answer is never null. Calls until a frame is returned must pass the same bytes, possibly
     * with more appended, at the same position.
     *
     * @throws FrameException when the bytes at the position can never make a frame (too long, refused);
     *                        the buffer is then consumed to its limit
     */
    byte[] next(ByteBuffer received) throws FrameException;
}
