package dev.portico.jca.codec;

/** Bytes that can never make a frame: longer than the limit, or (for a pickle) refused as they arrive. */
public class FrameException extends Exception {

    private static final long serialVersionUID = 1L;

    public FrameException(String message) {
        super(message);
    }
}
