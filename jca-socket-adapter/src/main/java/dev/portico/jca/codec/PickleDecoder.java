package dev.portico.jca.codec;

import dev.portico.jca.codec.PickleScanner.Opcode;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes one pickle (protocols 0 to 5) of plain data without running any code: dict to
 * {@link LinkedHashMap}, list to {@link ArrayList}, tuple to an unmodifiable {@link List}, str to
 * {@link String}, bytes and bytearray to {@code byte[]}, int to {@link Long} or, beyond 64 bits,
 * {@link BigInteger}, float to {@link Double}, bool to {@link Boolean}, None to null.
 *
 * <p>The whole pickle is scanned first, so a pickle with any opcode that names or calls code is
 * refused before anything is built. Sets and frozensets are refused too (the protocol carries
 * none). Also refused, where Python would accept them: structures that contain themselves,
 * nesting deeper than {@value #MAX_DEPTH} (Python cannot pickle deeper), more than
 * {@value #MAX_ELEMENTS} values, lists, dicts, bytes or tuples holding them as dict keys, bytes
 * after STOP, and text holding lone surrogates (in UTF-8 or as protocol 0's \\u escapes). The
 * work of a decode is bounded too: every opcode, every value put into a container and every
 * comparison of dict keys is a step, and a pickle that takes more than {@value #STEPS_PER_BYTE} steps per byte (at least
 * {@value #MIN_STEPS}) is refused; values that can be dict keys are made canonical
 * ({@link TupleInterner}), so hashing a shared structure never walks it again. Python 2 strings (STRING, BINSTRING,
 * SHORT_BINSTRING) are read as strict UTF-8 where Python 3 defaults to ASCII; text integers are
 * decimal. As in {@code pickle.loads}, a FRAME is only checked to fit in the pickle. This class is the
 * opcode loop; {@link PickleStructureGuard} builds containers within the limits above, and
 * {@link PickleText} reads protocol 0's text arguments.
 */
public final class PickleDecoder {

    static final int MAX_ELEMENTS = 1_000_000;
    static final int MAX_DEPTH = 1000;
    /**
     * Python's default limit on the digits of an int read from text, applied to binary ints too:
     * Python would refuse to print a longer one, and turning it into text costs time quadratic in
     * its length (a 60 KB LONG4 took a second).
     */
    static final int MAX_DIGITS = 4300;
    /** Steps a decode may take per byte of pickle; plain data without colliding dict keys takes at most 2. */
    static final int STEPS_PER_BYTE = 4;
    /** Steps any decode may take, however short the pickle. */
    static final int MIN_STEPS = 1 << 14;

    private final byte[] pickle;
    private final ByteBuffer bytes;
    private int pos;
    private int opcodeAt;
    private Opcode opcode;
    private final ArrayList<Object> stack = new ArrayList<>();
    private final ArrayDeque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private final PickleStructureGuard guard;

    private PickleDecoder(byte[] pickle) {
        this.pickle = pickle;
        this.bytes = ByteBuffer.wrap(pickle);
        this.guard = new PickleStructureGuard(pickle.length, this::failure);
    }

    /**
     * The value of exactly one pickle (no bytes after its STOP).
     *
     * @throws PickleException for a refused opcode or anything that is not a well-formed pickle
     */
    public static Object decode(byte[] pickle) throws PickleException {
        Objects.requireNonNull(pickle, "pickle");
        int length = new PickleScanner(Integer.MAX_VALUE).scan(ByteBuffer.wrap(pickle));
        if (length < 0) {
            throw new PickleException("truncated pickle: no STOP in " + pickle.length + " bytes");
        }
        if (length < pickle.length) {
            throw new PickleException("trailing bytes after STOP at offset " + length);
        }
        return new PickleDecoder(pickle).run();
    }

    private Object run() throws PickleException {
        while (true) {
            opcodeAt = pos;
            opcode = Opcode.of(pickle[pos++]);
            guard.charge(1);
            switch (opcode) {
                case PROTO -> PickleScanner.checkProtocol((int) unsigned(1));
                case FRAME -> frame();
                case STOP -> {
                    return pop();
                }
                case MARK -> marks.push(stack.size());
                case POP -> popOrUnmark();
                case POP_MARK -> popMark();
                case DUP -> push(peek());
                case NONE -> push(null);
                case NEWTRUE -> push(Boolean.TRUE);
                case NEWFALSE -> push(Boolean.FALSE);
                case INT -> push(scalar(text(PickleText::textInt, ascii(line()))));
                case LONG -> push(scalar(text(PickleText::textLong, ascii(line()))));
                case BININT -> push(scalar(PickleScanner.littleEndian(bytes, advance(4), 4, true)));
                case BININT1 -> push(scalar((long) unsigned(1)));
                case BININT2 -> push(scalar((long) unsigned(2)));
                case LONG1, LONG4 -> push(scalar(text(PickleText::binaryInt, counted())));
                case FLOAT -> push(scalar(text(PickleText::textFloat, ascii(line()))));
                case BINFLOAT -> push(scalar(bytes.getDouble(advance(8))));
                case STRING -> push(scalar(text(PickleText::utf8, text(PickleText::escapeDecode, line()))));
                case UNICODE -> push(scalar(text(PickleText::rawUnicodeEscape, line())));
                case BINSTRING, SHORT_BINSTRING, BINUNICODE, SHORT_BINUNICODE, BINUNICODE8 -> push(scalar(text(PickleText::utf8, counted())));
                case BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8 -> push(counted());
                case EMPTY_LIST -> push(guard.container(new ArrayList<>()));
                case EMPTY_DICT -> push(guard.container(new LinkedHashMap<>()));
                case EMPTY_TUPLE -> push(guard.tuple(List.of()));
                case LIST -> push(guard.append(guard.container(new ArrayList<>()), popMark()));
                case DICT -> push(guard.setItems(guard.container(new LinkedHashMap<>()), popMark()));
                case TUPLE -> push(guard.tuple(popMark()));
                case TUPLE1 -> push(guard.tuple(popItems(1)));
                case TUPLE2 -> push(guard.tuple(popItems(2)));
                case TUPLE3 -> push(guard.tuple(popItems(3)));
                case APPEND -> appendTo(popItems(1));
                case APPENDS -> appendTo(popMark());
                case SETITEM -> setItemsOf(popItems(2));
                case SETITEMS -> setItemsOf(popMark());
                case GET -> get(text(PickleText::memoIndex, ascii(line())));
                case BINGET -> get(unsigned(1));
                case LONG_BINGET -> get(unsigned(4));
                case PUT -> memo.put(text(PickleText::memoIndex, ascii(line())), peek());
                case BINPUT -> memo.put(unsigned(1), peek());
                case LONG_BINPUT -> memo.put(unsigned(4), peek());
                case MEMOIZE -> memo.put((long) memo.size(), peek());
                default -> throw PickleScanner.notAllowed(opcode);
            }
        }
    }

    // --- stack and memo

    private void push(Object value) throws PickleException {
        guard.counted();
        stack.add(value);
    }

    private Object scalar(Object value) {
        return guard.scalar(value);
    }

    /** Reads a text argument (or an integer's bytes) with {@link PickleText}; a malformed one fails at this opcode. */
    private <A, T> T text(TextReading<A, T> reading, A argument) throws PickleException {
        try {
            return reading.read(argument);
        } catch (PickleText.Malformed e) {
            throw failure(e.getMessage());
        }
    }

    @FunctionalInterface
    private interface TextReading<A, T> {
        T read(A argument) throws PickleText.Malformed;
    }

    private int fence() {
        return marks.isEmpty() ? 0 : marks.peek();
    }

    private Object peek() throws PickleException {
        if (stack.size() <= fence()) {
            throw failure("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private Object pop() throws PickleException {
        Object top = peek();
        stack.remove(stack.size() - 1);
        return top;
    }

    /** POP: the top value, or the innermost MARK when nothing lies above it (as CPython does). */
    private void popOrUnmark() throws PickleException {
        if (!marks.isEmpty() && marks.peek() == stack.size()) {
            marks.pop();
        } else {
            pop();
        }
    }

    /** The values above the innermost MARK, removed with the MARK. */
    private List<Object> popMark() throws PickleException {
        if (marks.isEmpty()) {
            throw failure("no MARK before");
        }
        List<Object> above = stack.subList(marks.pop(), stack.size());
        List<Object> items = new ArrayList<>(above);
        above.clear();
        return items;
    }

    private List<Object> popItems(int count) throws PickleException {
        Object[] items = new Object[count];
        for (int i = count - 1; i >= 0; i--) {
            items[i] = pop();
        }
        return Arrays.asList(items);
    }

    private void get(long index) throws PickleException {
        Object value = memo.get(index);
        if (value == null && !memo.containsKey(index)) {
            throw failure("memo key " + index + " not found");
        }
        push(value);
    }

    // --- containers on the stack

    private void appendTo(List<Object> items) throws PickleException {
        if (!(peek() instanceof ArrayList<?>)) {
            throw failure("target is not a list");
        }
        @SuppressWarnings("unchecked")
        ArrayList<Object> list = (ArrayList<Object>) peek();
        guard.append(list, items);
    }

    private void setItemsOf(List<Object> items) throws PickleException {
        if (!(peek() instanceof LinkedHashMap<?, ?>)) {
            throw failure("target is not a dict");
        }
        @SuppressWarnings("unchecked")
        LinkedHashMap<Object, Object> dict = (LinkedHashMap<Object, Object>) peek();
        guard.setItems(dict, items);
    }

    // --- arguments

    /** Moves past {@code width} argument bytes; returns where they start. */
    private int advance(int width) {
        int at = pos;
        pos += width;
        return at;
    }

    private long unsigned(int width) {
        return PickleScanner.littleEndian(bytes, advance(width), width, false);
    }

    /** FRAME: only a hint for buffering; like pickle.loads, only check that its bytes exist. */
    private void frame() throws PickleException {
        long length = PickleScanner.littleEndian(bytes, advance(8), 8, true);
        if (length < 0 || length > pickle.length - pos) {
            throw failure("frame of " + Long.toUnsignedString(length) + " bytes goes past the end of the pickle");
        }
    }

    /** A counted argument: its count, then that many bytes. */
    private byte[] counted() throws PickleException {
        boolean signed = opcode.argument == PickleScanner.Argument.SIGNED_COUNTED;
        long count = PickleScanner.littleEndian(bytes, advance(opcode.width), opcode.width, signed);
        if (count < 0 || count > pickle.length - pos) {
            throw failure("length " + count + " goes past the end of the pickle");
        }
        int from = advance((int) count);
        return Arrays.copyOfRange(pickle, from, from + (int) count);
    }

    /** A text argument, without its {@code \n}. */
    private byte[] line() throws PickleException {
        for (int i = pos; i < pickle.length; i++) {
            if (pickle[i] == '\n') {
                byte[] text = Arrays.copyOfRange(pickle, pos, i);
                pos = i + 1;
                return text;
            }
        }
        throw failure("text argument without end of line");
    }

    private static String ascii(byte[] text) {
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    // --- errors

    private PickleException failure(String problem) {
        return new PickleException(problem + " at " + opcode + " (offset " + opcodeAt + ")");
    }
}
