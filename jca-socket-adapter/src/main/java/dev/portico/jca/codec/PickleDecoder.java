package dev.portico.jca.codec;

import dev.portico.jca.codec.PickleScanner.Opcode;
import dev.portico.text.PythonRepr;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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
 * after STOP, and UTF-8 that encodes lone surrogates. The work of a decode is bounded too: every
 * opcode, every value put into a container and every comparison of dict keys is a step, and a
 * pickle that takes more than {@value #STEPS_PER_BYTE} steps per byte (at least
 * {@value #MIN_STEPS}) is refused; values that can be dict keys are made canonical
 * ({@link TupleInterner}), so hashing a shared structure never walks it again. Python 2 strings (STRING, BINSTRING,
 * SHORT_BINSTRING) are read as strict UTF-8 where Python 3 defaults to ASCII; text integers are
 * decimal. As in {@code pickle.loads}, a FRAME is only checked to fit in the pickle.
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
    private static final BigInteger TOO_MANY_DIGITS = BigInteger.TEN.pow(MAX_DIGITS);
    /** Steps a decode may take per byte of pickle; plain data without colliding dict keys takes at most 2. */
    static final int STEPS_PER_BYTE = 4;
    /** Steps any decode may take, however short the pickle. */
    static final int MIN_STEPS = 1 << 14;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private final byte[] pickle;
    private final ByteBuffer bytes;
    private int pos;
    private int opcodeAt;
    private Opcode opcode;
    private final ArrayList<Object> stack = new ArrayList<>();
    private final ArrayDeque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();
    /** Nesting depth of every container built. */
    private final Map<Object, Integer> depths = new IdentityHashMap<>();
    /** Per container: how many values it holds once shared references are counted each time they occur. */
    private final Map<Object, Long> expandedSizes = new IdentityHashMap<>();
    /** Containers already inside another one: changing them could close a cycle. */
    private final Set<Object> contained = Collections.newSetFromMap(new IdentityHashMap<>());
    private final TupleInterner interner = new TupleInterner();
    private final long maxSteps;
    private long steps;
    private int elements;

    private PickleDecoder(byte[] pickle) {
        this.pickle = pickle;
        this.bytes = ByteBuffer.wrap(pickle);
        this.maxSteps = Math.max(MIN_STEPS, (long) STEPS_PER_BYTE * pickle.length);
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
            charge(1);
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
                case INT -> push(scalar(textInt(ascii(line()))));
                case LONG -> push(scalar(textLong(ascii(line()))));
                case BININT -> push(scalar(PickleScanner.littleEndian(bytes, advance(4), 4, true)));
                case BININT1 -> push(scalar((long) unsigned(1)));
                case BININT2 -> push(scalar((long) unsigned(2)));
                case LONG1, LONG4 -> push(scalar(binaryInt(counted())));
                case FLOAT -> push(scalar(textFloat(ascii(line()))));
                case BINFLOAT -> push(scalar(bytes.getDouble(advance(8))));
                case STRING -> push(scalar(utf8(escapeDecode(line()))));
                case UNICODE -> push(scalar(rawUnicodeEscape(line())));
                case BINSTRING, SHORT_BINSTRING, BINUNICODE, SHORT_BINUNICODE, BINUNICODE8 -> push(scalar(utf8(counted())));
                case BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8 -> push(counted());
                case EMPTY_LIST -> push(container(new ArrayList<>()));
                case EMPTY_DICT -> push(container(new LinkedHashMap<>()));
                case EMPTY_TUPLE -> push(tuple(List.of()));
                case LIST -> push(append(container(new ArrayList<>()), popMark()));
                case DICT -> push(setItems(container(new LinkedHashMap<>()), popMark()));
                case TUPLE -> push(tuple(popMark()));
                case TUPLE1 -> push(tuple(popItems(1)));
                case TUPLE2 -> push(tuple(popItems(2)));
                case TUPLE3 -> push(tuple(popItems(3)));
                case APPEND -> appendTo(popItems(1));
                case APPENDS -> appendTo(popMark());
                case SETITEM -> setItemsOf(popItems(2));
                case SETITEMS -> setItemsOf(popMark());
                case GET -> get(memoIndex(ascii(line())));
                case BINGET -> get(unsigned(1));
                case LONG_BINGET -> get(unsigned(4));
                case PUT -> memo.put(memoIndex(ascii(line())), peek());
                case BINPUT -> memo.put(unsigned(1), peek());
                case LONG_BINPUT -> memo.put(unsigned(4), peek());
                case MEMOIZE -> memo.put((long) memo.size(), peek());
                default -> throw PickleScanner.notAllowed(opcode);
            }
        }
    }

    // --- stack and memo

    private void push(Object value) throws PickleException {
        if (++elements > MAX_ELEMENTS) {
            throw new PickleException("pickle has more than " + MAX_ELEMENTS + " values");
        }
        stack.add(value);
    }

    private Object scalar(Object value) {
        return interner.scalar(value);
    }

    /** Counts steps of work; refuses the pickle once they exceed its budget. */
    private void charge(long work) throws PickleException {
        steps += work;
        if (steps > maxSteps) {
            throw failure("pickle takes more than " + maxSteps + " steps to decode (values shared or colliding as dict keys)");
        }
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

    // --- containers

    private <T> T container(T empty) {
        depths.put(empty, 1);
        expandedSizes.put(empty, 1L);
        return empty;
    }

    /** A tuple; one that can be a dict key is the canonical one of its value. */
    private List<Object> tuple(List<Object> items) throws PickleException {
        charge(items.size());
        boolean hashable = items.stream().allMatch(this::usableAsKey);
        PickleTuple tuple = hashable ? interner.find(items) : null;
        if (tuple != null) {
            return tuple;
        }
        tuple = container(hashable ? interner.add(items) : new PickleTuple(items.toArray(), null));
        for (Object item : items) {
            nest(tuple, item);
        }
        return tuple;
    }

    private void appendTo(List<Object> items) throws PickleException {
        if (!(peek() instanceof ArrayList<?>)) {
            throw failure("target is not a list");
        }
        @SuppressWarnings("unchecked")
        ArrayList<Object> list = (ArrayList<Object>) peek();
        append(list, items);
    }

    private ArrayList<Object> append(ArrayList<Object> list, List<Object> items) throws PickleException {
        charge(items.size());
        for (Object item : items) {
            nest(list, item);
            list.add(item);
        }
        return list;
    }

    private void setItemsOf(List<Object> items) throws PickleException {
        if (!(peek() instanceof LinkedHashMap<?, ?>)) {
            throw failure("target is not a dict");
        }
        @SuppressWarnings("unchecked")
        LinkedHashMap<Object, Object> dict = (LinkedHashMap<Object, Object>) peek();
        setItems(dict, items);
    }

    private LinkedHashMap<Object, Object> setItems(LinkedHashMap<Object, Object> dict, List<Object> items) throws PickleException {
        if (items.size() % 2 != 0) {
            throw failure("odd number of keys and values");
        }
        charge(items.size());
        for (int i = 0; i < items.size(); i += 2) {
            Object key = items.get(i);
            if (!usableAsKey(key)) {
                throw failure("dict key is a " + typeName(key));
            }
            nest(dict, key);
            nest(dict, items.get(i + 1));
            dict.put(key, items.get(i + 1));
            charge(interner.takeComparisons());
        }
        return dict;
    }

    /**
     * Records that {@code child} goes into {@code parent}. A container that is inside another
     * one is never changed again, which rules out cycles and keeps depths final.
     */
    private void nest(Object parent, Object child) throws PickleException {
        if (child == parent) {
            throw failure("structure contains itself");
        }
        if (contained.contains(parent)) {
            throw failure("changing a container already inside another (cyclic structures are not supported)");
        }
        long expanded = expandedSizes.get(parent) + expandedSizes.getOrDefault(child, 1L);
        if (expanded > MAX_ELEMENTS) {
            // Shared references can make a few bytes stand for an exponentially large structure,
            // which hashing, comparing or printing would then walk in full.
            throw failure("pickle expands to more than " + MAX_ELEMENTS + " values through shared references");
        }
        expandedSizes.put(parent, expanded);
        Integer childDepth = depths.get(child);
        if (childDepth != null) {
            contained.add(child);
            if (childDepth + 1 > depths.get(parent)) {
                if (childDepth + 1 > MAX_DEPTH) {
                    throw failure("nesting deeper than " + MAX_DEPTH);
                }
                depths.put(parent, childDepth + 1);
            }
        }
    }

    private boolean usableAsKey(Object value) {
        return !(value instanceof ArrayList<?> || value instanceof Map<?, ?> || value instanceof byte[]
                || value instanceof PickleTuple tuple && !tuple.hashable());
    }

    private static String typeName(Object value) {
        return value instanceof PickleTuple ? "tuple holding a list, dict or bytes" : PythonRepr.typeName(value);
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

    private String utf8(byte[] encoded) throws PickleException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(encoded)).toString();
        } catch (CharacterCodingException e) {
            throw failure("malformed UTF-8");
        }
    }

    // --- numbers

    /** INT: {@code 01} and {@code 00} are True and False (protocol 0 bools), else a decimal. */
    private Object textInt(String text) throws PickleException {
        return switch (text) {
            case "01" -> Boolean.TRUE;
            case "00" -> Boolean.FALSE;
            default -> decimal(text);
        };
    }

    /** LONG: a decimal with an optional trailing {@code L}. */
    private Object textLong(String text) throws PickleException {
        return decimal(text.endsWith("L") ? text.substring(0, text.length() - 1) : text);
    }

    private Object decimal(String text) throws PickleException {
        if (!DECIMAL.matcher(text).matches()) {
            throw failure("not a decimal integer: " + shown(text));
        }
        if (text.replaceFirst("^[+-]", "").length() > MAX_DIGITS) {
            throw failure("integer of more than " + MAX_DIGITS + " digits");
        }
        return text.length() <= 18 ? Long.valueOf(text) : shortest(new BigInteger(text));
    }

    /** LONG1 and LONG4: little-endian two's complement, of at most {@value #MAX_DIGITS} decimal digits. */
    private Object binaryInt(byte[] littleEndian) throws PickleException {
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        if (bigEndian.length == 0) {
            return Long.valueOf(0);
        }
        BigInteger value = new BigInteger(bigEndian);
        if (value.bitLength() >= TOO_MANY_DIGITS.bitLength() - 1 && value.abs().compareTo(TOO_MANY_DIGITS) >= 0) {
            throw failure("integer of more than " + MAX_DIGITS + " digits");
        }
        return shortest(value);
    }

    private static Object shortest(BigInteger value) {
        return value.bitLength() < 64 ? Long.valueOf(value.longValue()) : value;
    }

    private Double textFloat(String text) throws PickleException {
        if (!FLOAT.matcher(text).matches()) {
            throw failure("not a float: " + shown(text));
        }
        boolean negative = text.startsWith("-");
        String magnitude = text.replaceFirst("^[+-]", "").toLowerCase();
        if (magnitude.startsWith("inf")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return magnitude.equals("nan") ? Double.NaN : Double.valueOf(text);
    }

    private long memoIndex(String text) throws PickleException {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw failure("bad memo index " + shown(text));
        }
        return Long.parseLong(text);
    }

    // --- protocol 0 strings

    /** STRING: a quoted Python bytes literal, escapes decoded as {@code codecs.escape_decode} does. */
    private byte[] escapeDecode(byte[] line) throws PickleException {
        int n = line.length;
        if (n < 2 || line[0] != line[n - 1] || (line[0] != '\'' && line[0] != '"')) {
            throw failure("argument is not quoted");
        }
        byte[] out = new byte[n];
        int size = 0;
        for (int i = 1; i < n - 1; i++) {
            byte b = line[i];
            if (b != '\\') {
                out[size++] = b;
                continue;
            }
            if (++i == n - 1) {
                throw failure("trailing \\ in string");
            }
            int c = line[i];
            switch (c) {
                case 'a' -> out[size++] = 7;
                case 'b' -> out[size++] = 8;
                case 't' -> out[size++] = 9;
                case 'n' -> out[size++] = 10;
                case 'v' -> out[size++] = 11;
                case 'f' -> out[size++] = 12;
                case 'r' -> out[size++] = 13;
                case '\\', '\'', '"' -> out[size++] = (byte) c;
                case 'x' -> {
                    int high = i + 1 < n - 1 ? Character.digit(line[i + 1], 16) : -1;
                    int low = i + 2 < n - 1 ? Character.digit(line[i + 2], 16) : -1;
                    if (high < 0 || low < 0) {
                        throw failure("invalid \\x escape");
                    }
                    out[size++] = (byte) (high * 16 + low);
                    i += 2;
                }
                default -> {
                    if (c >= '0' && c <= '7') {
                        int value = c - '0';
                        for (int digits = 1; digits < 3 && i + 1 < n - 1 && line[i + 1] >= '0' && line[i + 1] <= '7'; digits++) {
                            value = value * 8 + line[++i] - '0';
                        }
                        out[size++] = (byte) value;
                    } else {
                        out[size++] = '\\';
                        out[size++] = (byte) c;
                    }
                }
            }
        }
        return Arrays.copyOf(out, size);
    }

    /** UNICODE: Latin-1 text with {@code \}{@code uXXXX} and {@code \}{@code UXXXXXXXX} escapes (raw-unicode-escape). */
    private String rawUnicodeEscape(byte[] line) throws PickleException {
        StringBuilder text = new StringBuilder(line.length);
        for (int i = 0; i < line.length; i++) {
            int b = line[i] & 0xff;
            if (b != '\\' || i + 1 == line.length) {
                text.append((char) b);
                continue;
            }
            int c = line[++i] & 0xff;
            int digits = c == 'u' ? 4 : c == 'U' ? 8 : 0;
            if (digits == 0) {
                text.append('\\').append((char) c);
                continue;
            }
            long codePoint = 0;
            for (int d = 0; d < digits; d++) {
                int digit = ++i < line.length ? Character.digit(line[i], 16) : -1;
                if (digit < 0) {
                    throw failure("truncated \\" + (char) c + " escape");
                }
                codePoint = codePoint * 16 + digit;
            }
            if (codePoint > Character.MAX_CODE_POINT) {
                throw failure("\\U escape out of range");
            }
            text.appendCodePoint((int) codePoint);
        }
        return text.toString();
    }

    // --- errors

    private PickleException failure(String problem) {
        return new PickleException(problem + " at " + opcode + " (offset " + opcodeAt + ")");
    }

    private static String shown(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }
}
