package dev.portico.jca.codec;

import java.nio.ByteBuffer;

/**
 * What one connection decodes with: a {@link Framer} that cuts frames and the {@link ProtocolSession}
 * that parses them and renders replies. Made fresh for each connection.
 */
public record ConnectionCodec<Q, R>(Framer framer, ProtocolSession<Q, R> session) {

    /**
     * Looks for one complete frame at the buffer's position and parses it. When a frame is found, its
     * bytes are consumed; otherwise at most bytes that carry no request are. Once more than the
     * request size limit is buffered without a complete frame, the answer is never {@link Decoded.NeedMore}.
     */
    public Decoded<Q> decode(ByteBuffer received) {
        byte[] frame;
        try {
            frame = framer.next(received);
        } catch (FrameException problem) {
            return new Decoded.Answer<>(session.refused(problem), true);
        }
        return frame == null ? Decoded.needMore() : session.parse(frame);
    }
}
