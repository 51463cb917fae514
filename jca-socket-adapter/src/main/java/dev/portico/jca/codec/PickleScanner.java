package dev.portico.jca.codec;

import java.nio.ByteBuffer;

/**
 * Finds where one pickle ends in the bytes received so far, without building anything: walks the
 * opcodes, skips their arguments by their encoded lengths and stops at the STOP opcode. Opcodes
 * that name or call code are refused as soon as they are met, before the rest arrives. The
 * scanner keeps its place between calls, so bytes arriving one at a time cost linear time;
 * {@link #reset()} it before the next pickle. As a {@link Framer}, it is the rental intake's: each
 * frame is one whole pickle. One instance per connection, one thread at a time.
 */
public final class PickleScanner implements Framer {

    /** The highest pickle protocol accepted (Python 3.8+). */
    static final int HIGHEST_PROTOCOL = 5;

    private final int maxBytes;
    /** Offset (from the pickle's start) of the first opcode not walked past yet. */
    private long scanned;
    /** While a text-line argument is incomplete: the offset up to which {@code \n} was looked for. */
    private long lineSearched;
    /** The pickle's length once STOP was found, else -1. */
    private int length = -1;

    /** @param maxBytes the largest pickle accepted, STOP included */
    public PickleScanner(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Looks at the bytes from the buffer's position to its limit (the position does not move)
     * and returns the length of the pickle starting at the position, STOP included, or -1 when
     * more bytes are needed. Calls for the same pickle must pass the same bytes, possibly with
     * more appended, at the same position.
     *
     * @throws PickleException at a refused or unknown opcode, an unsupported protocol, or once
     *                         the pickle cannot end within {@code maxBytes}
     */
    public int scan(ByteBuffer received) throws PickleException {
        if (length >= 0) {
            return length;
        }
        int start = received.position();
        long available = received.limit() - start;
        while (true) {
            long at = scanned;
            if (!fits(at + 1, available)) {
                return -1;
            }
            int code = received.get(start + (int) at) & 0xff;
            Opcode opcode = Opcode.of(code);
            if (opcode == null) {
                throw new PickleException(String.format("unknown pickle opcode 0x%02x at offset %d", code, at));
            }
            if (opcode.argument == Argument.REFUSED) {
                throw notAllowed(opcode);
            }
            long end = argumentEnd(received, start, at, opcode, available);
            if (end < 0) {
                return -1;
            }
            if (opcode == Opcode.PROTO) {
                checkProtocol(received.get(start + (int) at + 1) & 0xff);
            } else if (opcode == Opcode.FRAME) {
                long frame = littleEndian(received, start + (int) at + 1, 8, true);
                if (frame < 0 || frame > maxBytes - end) {
                    throw tooLarge();
                }
            }
            scanned = end;
            lineSearched = end;
            if (opcode == Opcode.STOP) {
                length = (int) end;
                return length;
            }
        }
    }

    /**
     * The whole pickle at the buffer's position, STOP included, consumed; null while it is incomplete.
     *
     * @throws PickleException as {@link #scan} does; the buffer is then consumed to its limit
     */
    @Override
    public byte[] next(ByteBuffer received) throws PickleException {
        int pickleLength;
        try {
            pickleLength = scan(received);
        } catch (PickleException e) {
            received.position(received.limit());
            throw e;
        }
        if (pickleLength < 0) {
            return null;
        }
        byte[] pickle = new byte[pickleLength];
        received.get(pickle);
        reset();
        return pickle;
    }

    /** Forgets the pickle scanned so far, for the next one. */
    public void reset() {
        scanned = 0;
        lineSearched = 0;
        length = -1;
    }

    /** The offset just past the opcode at {@code at} and its argument, or -1 if not all received. */
    private long argumentEnd(ByteBuffer received, int start, long at, Opcode opcode, long available) throws PickleException {
        long from = at + 1;
        switch (opcode.argument) {
            case FIXED:
                return fits(from + opcode.width, available) ? from + opcode.width : -1;
            case COUNTED:
            case SIGNED_COUNTED:
                if (!fits(from + opcode.width, available)) {
                    return -1;
                }
                long count = littleEndian(received, start + (int) from, opcode.width, opcode.argument == Argument.SIGNED_COUNTED);
                if (count < 0 && opcode.argument == Argument.SIGNED_COUNTED) {
                    throw new PickleException("negative length " + count + " of " + opcode + " at offset " + at);
                }
                if (count < 0 || count > maxBytes) {
                    throw tooLarge();
                }
                long end = from + opcode.width + count;
                return fits(end, available) ? end : -1;
            case LINE:
                long limit = Math.min(available, maxBytes);
                for (long i = Math.max(from, lineSearched); i < limit; i++) {
                    if (received.get(start + (int) i) == '\n') {
                        return i + 1;
                    }
                }
                lineSearched = Math.max(from, limit);
                if (limit >= maxBytes) {
                    throw tooLarge();
                }
                return -1;
            default:
                return from;
        }
    }

    /** Whether the first {@code end} bytes are all received; throws once they cannot be. */
    private boolean fits(long end, long available) throws PickleException {
        if (end > maxBytes) {
            throw tooLarge();
        }
        return end <= available;
    }

    private PickleException tooLarge() {
        return new PickleException("pickle larger than " + maxBytes + " bytes");
    }

    static PickleException notAllowed(Opcode opcode) {
        return new PickleException("pickle opcode not allowed: " + opcode);
    }

    static void checkProtocol(int protocol) throws PickleException {
        if (protocol > HIGHEST_PROTOCOL) {
            throw new PickleException("pickle protocol " + protocol + " is not supported");
        }
    }

    /** A little-endian integer of 1, 2, 4 or 8 bytes; 8-byte values are always read as signed. */
    static long littleEndian(ByteBuffer bytes, int index, int width, boolean signed) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (bytes.get(index + i) & 0xff);
        }
        if (signed && width < 8) {
            int shift = 64 - 8 * width;
            value = (value << shift) >> shift;
        }
        return value;
    }

    /** The shape of an opcode's argument. */
    enum Argument {
        /** No argument. */
        EMPTY,
        /** {@code width} bytes. */
        FIXED,
        /** An unsigned little-endian count of {@code width} bytes, then that many bytes. */
        COUNTED,
        /** A signed little-endian count of {@code width} bytes, then that many bytes. */
        SIGNED_COUNTED,
        /** Text up to and including {@code \n} (protocol 0). */
        LINE,
        /** Refused: names or calls code, needs out-of-band buffers, or builds a set. */
        REFUSED
    }

    /** The opcodes of pickle protocols 0 to 5, named as in Python's pickletools. */
    enum Opcode {
        MARK('('), STOP('.'), POP('0'), POP_MARK('1'), DUP('2'),
        FLOAT('F', Argument.LINE, 0), INT('I', Argument.LINE, 0), BININT('J', Argument.FIXED, 4),
        BININT1('K', Argument.FIXED, 1), LONG('L', Argument.LINE, 0), BININT2('M', Argument.FIXED, 2),
        NONE('N'), PERSID('P', Argument.REFUSED, 0), BINPERSID('Q', Argument.REFUSED, 0),
        REDUCE('R', Argument.REFUSED, 0), STRING('S', Argument.LINE, 0),
        BINSTRING('T', Argument.SIGNED_COUNTED, 4), SHORT_BINSTRING('U', Argument.COUNTED, 1),
        UNICODE('V', Argument.LINE, 0), BINUNICODE('X', Argument.COUNTED, 4),
        APPEND('a'), BUILD('b', Argument.REFUSED, 0), GLOBAL('c', Argument.REFUSED, 0), DICT('d'),
        EMPTY_DICT('}'), APPENDS('e'), GET('g', Argument.LINE, 0), BINGET('h', Argument.FIXED, 1),
        INST('i', Argument.REFUSED, 0), LONG_BINGET('j', Argument.FIXED, 4), LIST('l'), EMPTY_LIST(']'),
        OBJ('o', Argument.REFUSED, 0), PUT('p', Argument.LINE, 0), BINPUT('q', Argument.FIXED, 1),
        LONG_BINPUT('r', Argument.FIXED, 4), SETITEM('s'), TUPLE('t'), EMPTY_TUPLE(')'), SETITEMS('u'),
        BINFLOAT('G', Argument.FIXED, 8),
        PROTO(0x80, Argument.FIXED, 1), NEWOBJ(0x81, Argument.REFUSED, 0), EXT1(0x82, Argument.REFUSED, 0),
        EXT2(0x83, Argument.REFUSED, 0), EXT4(0x84, Argument.REFUSED, 0), TUPLE1(0x85), TUPLE2(0x86),
        TUPLE3(0x87), NEWTRUE(0x88), NEWFALSE(0x89), LONG1(0x8a, Argument.COUNTED, 1),
        LONG4(0x8b, Argument.SIGNED_COUNTED, 4),
        BINBYTES('B', Argument.COUNTED, 4), SHORT_BINBYTES('C', Argument.COUNTED, 1),
        SHORT_BINUNICODE(0x8c, Argument.COUNTED, 1), BINUNICODE8(0x8d, Argument.COUNTED, 8),
        BINBYTES8(0x8e, Argument.COUNTED, 8), EMPTY_SET(0x8f, Argument.REFUSED, 0),
        ADDITEMS(0x90, Argument.REFUSED, 0), FROZENSET(0x91, Argument.REFUSED, 0),
        NEWOBJ_EX(0x92, Argument.REFUSED, 0), STACK_GLOBAL(0x93, Argument.REFUSED, 0), MEMOIZE(0x94),
        FRAME(0x95, Argument.FIXED, 8),
        BYTEARRAY8(0x96, Argument.COUNTED, 8), NEXT_BUFFER(0x97, Argument.REFUSED, 0),
        READONLY_BUFFER(0x98, Argument.REFUSED, 0);

        private static final Opcode[] BY_CODE = new Opcode[256];

        static {
            for (Opcode opcode : values()) {
                BY_CODE[opcode.code] = opcode;
            }
        }

        final int code;
        final Argument argument;
        /** Bytes of a fixed argument, or of a count. */
        final int width;

        Opcode(int code) {
            this(code, Argument.EMPTY, 0);
        }

        Opcode(int code, Argument argument, int width) {
            this.code = code;
            this.argument = argument;
            this.width = width;
        }

        /** The opcode of this byte, or null for none. */
        static Opcode of(int code) {
            return BY_CODE[code & 0xff];
        }
    }
}
