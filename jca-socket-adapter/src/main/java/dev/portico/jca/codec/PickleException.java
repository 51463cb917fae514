package dev.portico.jca.codec;

/**
 * A pickle that is refused: an opcode that names or calls code, or bytes that are not a
 * well-formed pickle of plain data. The message names what was wrong and, where it helps, the
 * byte offset in the pickle; for refused opcodes it is exactly
 * {@code pickle opcode not allowed: <NAME>} (the pickletools name).
 */
public final class PickleException extends FrameException {

    private static final long serialVersionUID = 1L;

    public PickleException(String message) {
        super(message);
    }
}
