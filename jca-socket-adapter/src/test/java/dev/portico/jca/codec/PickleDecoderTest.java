package dev.portico.jca.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decoding pickles of plain data: the shared rental vectors, pickles written by CPython 3.11 for
 * protocols 0 to 5 (embedded as hex, with the Python value they were made from), hand-made
 * protocol-0 text forms, refused opcodes and malformed input.
 */
class PickleDecoderTest {

    static final Path VECTORS = Path.of("../../shared/protocols/vectors/rental");

    // --- the shared vectors

    @Test
    void aFewBytesOfSharedReferencesThatExpandExponentiallyAreRefusedQuickly() {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        bomb.writeBytes(new byte[] {(byte) 0x80, 2, '}', ')'});
        for (int level = 0; level < 50; level++) {
            bomb.writeBytes(new byte[] {'2', (byte) 0x86});   // t = (t, t): DUP, TUPLE2
        }
        bomb.writeBytes(new byte[] {'K', 1, 's', '.'});        // {t: 1}: hashing t would walk 2^50 tuples
        PickleException refused = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> assertThrows(PickleException.class, () -> PickleDecoder.decode(bomb.toByteArray())));
        assertTrue(refused.getMessage().contains("shared references"), refused.getMessage());
    }

    @Test
    void aTupleShared2To18TimesUsedAsADictKeyThousandsOfTimesDecodesInLinearTime() {
        // this 12 KB pickle of the attack held the rental listener for 29 s: every key hashed 2^18 tuples again
        assertNull(assertTimeoutPreemptively(Duration.ofSeconds(2), () -> PickleDecoder.decode(AttackPickles.sharedTupleAsKey())));
    }

    @Test
    void equalTuplesBuiltApartAreOneDictKeyAsInPython() throws Exception {
        // {((1, 'a'), 2.5): 'x', ((1, 'a'), 2.5): 'y'} with every part built twice: one key, the last value
        Object decoded = decode("(((I1\nVa\ntF2.5\ntVx\n((I1\nVa\ntF2.5\ntVy\nd.");
        assertEquals(Map.of(tuple(tuple(1L, "a"), 2.5), "y"), decoded);
        assertEquals(1, ((Map<?, ?>) decoded).size());
    }

    @Test
    void dictKeysWhoseHashesCollideAreRefusedOnceComparingThemExceedsTheWorkBudget() {
        PickleException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(PickleException.class, () -> PickleDecoder.decode(AttackPickles.collidingKeys(6000))));
        assertTrue(e.getMessage().matches("pickle takes more than [0-9]+ steps to decode .*"), e.getMessage());
    }

    @Test
    void aHundredAndFiftyCollidingDictKeysStillDecode() throws Exception {
        assertEquals(150, ((Map<?, ?>) PickleDecoder.decode(AttackPickles.collidingKeys(150))).size());
    }

    @Test
    void everyVectorFileIsCoveredHere() throws IOException {
        Set<String> expected = new TreeSet<>(List.of(
                "invalid-car-p4.pkl", "invalid-gender-p4.pkl", "invalid-length-mismatch-p4.pkl",
                "invalid-not-a-dict-p4.pkl", "invalid-time-order-p4.pkl",
                "malicious-global-ordereddict-p2.pkl", "malicious-reduce-os-system-p0.pkl",
                "malicious-reduce-os-system-p4.pkl", "truncated-p4.pkl",
                "valid-one-rental-p0.pkl", "valid-one-rental-p1.pkl", "valid-one-rental-p2.pkl",
                "valid-one-rental-p3.pkl", "valid-one-rental-p4.pkl", "valid-one-rental-p5.pkl",
                "valid-three-rentals-p4.pkl"));
        try (Stream<Path> files = Files.list(VECTORS)) {
            assertEquals(expected, files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void oneRentalDecodesAlikeInEveryProtocol(int protocol) throws Exception {
        assertDecodes(rental(List.of(tuple("Mira", "F")), List.of(tuple("Axia", "10KM")),
                        List.of(tuple("2024-01-25 08:30:01", "2024-01-25 20:30:01"))),
                PickleDecoder.decode(vector("valid-one-rental-p" + protocol + ".pkl")));
    }

    @Test
    void threeRentalsDecodeWithTheSharedGenderStringReused() throws Exception {
        Object decoded = PickleDecoder.decode(vector("valid-three-rentals-p4.pkl"));
        assertDecodes(rental(
                        List.of(tuple("Ali", "M"), tuple("Kamal", "M"), tuple("Siti", "F")),
                        List.of(tuple("Corola", "50KM"), tuple("Axia", "7KM"), tuple("Kancil", "80KM")),
                        List.of(tuple("2024-01-24 06:00:00", "2024-01-24 13:00:00"),
                                tuple("2024-01-24 10:00:00", "2024-01-24 15:00:00"),
                                tuple("2024-01-24 11:00:00", "2024-01-24 19:00:00"))),
                decoded);
        List<?> users = (List<?>) ((Map<?, ?>) decoded).get("users");
        assertSame(((List<?>) users.get(0)).get(1), ((List<?>) users.get(1)).get(1), "BINGET 4 is the memoized 'M'");
    }

    @Test
    void vectorsWithInvalidContentAreWellFormedPicklesAndDecode() throws Exception {
        List<Object> axia = List.of(tuple("Axia", "10KM"));
        List<Object> day = List.of(tuple("2024-01-25 08:30:01", "2024-01-25 20:30:01"));
        assertDecodes(rental(List.of(tuple("Mira", "F")), List.of(tuple("Ferrari", "10KM")), day),
                PickleDecoder.decode(vector("invalid-car-p4.pkl")));
        assertDecodes(rental(List.of(tuple("Mira", "X")), axia, day), PickleDecoder.decode(vector("invalid-gender-p4.pkl")));
        assertDecodes(rental(List.of(tuple("Mira", "F"), tuple("Ali", "M")), axia, day),
                PickleDecoder.decode(vector("invalid-length-mismatch-p4.pkl")));
        assertDecodes(list("users"), PickleDecoder.decode(vector("invalid-not-a-dict-p4.pkl")));
        assertDecodes(rental(List.of(tuple("Mira", "F")), axia, List.of(tuple("2024-01-25 20:30:01", "2024-01-25 08:30:01"))),
                PickleDecoder.decode(vector("invalid-time-order-p4.pkl")));
    }

    @Test
    void maliciousVectorsAreRefusedAtTheirFirstCodeNamingOpcode() throws Exception {
        assertRefused("GLOBAL", vector("malicious-global-ordereddict-p2.pkl"));
        assertRefused("GLOBAL", vector("malicious-reduce-os-system-p0.pkl"));
        assertRefused("STACK_GLOBAL", vector("malicious-reduce-os-system-p4.pkl"));
    }

    @Test
    void truncatedVectorIsRefused() throws Exception {
        PickleException e = assertThrows(PickleException.class, () -> PickleDecoder.decode(vector("truncated-p4.pkl")));
        assertTrue(e.getMessage().startsWith("truncated pickle"), e.getMessage());
    }

    @Test
    void everyProperPrefixOfAValidVectorIsRefused() throws Exception {
        byte[] pickle = vector("valid-one-rental-p0.pkl");
        for (int n = 0; n < pickle.length; n++) {
            byte[] prefix = Arrays.copyOf(pickle, n);
            assertThrows(PickleException.class, () -> PickleDecoder.decode(prefix), "prefix of " + n);
        }
    }

    // --- pickles written by CPython 3.11, protocols 0 to 5

    /** {'a': [1, -2, (3, 'x'), {'b': None}], 'c': (True, False), 'd': (), 'e': [[[]]], (1, 'k'): {}} */
    static final String[] NESTED = {
        "286470300a56610a70310a286c70320a49310a61492d320a612849330a56780a70330a7470340a61286470350a56620a70360a4e73617356630a70370a284930310a4930300a7470380a7356640a70390a28747356650a7031300a286c7031310a286c7031320a286c7031330a6161732849310a566b0a7031340a747031350a28647031360a732e",
        "7d71002858010000006171015d7102284b014afeffffff284b0358010000007871037471047d710558010000006271064e73655801000000637107284930310a4930300a747108580100000064710929580100000065710a5d710b5d710c5d710d6161284b0158010000006b710e74710f7d7110752e",
        "80027d71002858010000006171015d7102284b014afeffffff4b0358010000007871038671047d710558010000006271064e736558010000006371078889867108580100000064710929580100000065710a5d710b5d710c5d710d61614b0158010000006b710e86710f7d7110752e",
        "80037d71002858010000006171015d7102284b014afeffffff4b0358010000007871038671047d710558010000006271064e736558010000006371078889867108580100000064710929580100000065710a5d710b5d710c5d710d61614b0158010000006b710e86710f7d7110752e",
        "80049547000000000000007d94288c0161945d94284b014afeffffff4b038c01789486947d948c0162944e73658c016394888986948c016494298c0165945d945d945d9461614b018c016b9486947d94752e",
        "80059547000000000000007d94288c0161945d94284b014afeffffff4b038c01789486947d948c0162944e73658c016394888986948c016494298c0165945d945d945d9461614b018c016b9486947d94752e",
    };

    /** ['h\u00e9llo', '\u65e5\u672c\u8a9e', '\U0001F600 emoji', '', 'back\\slash', 'new\nline\r\x00\x1a', 'quote\'"'] */
    static final String[] UNICODE = {
        "286c70300a5668e96c6c6f0a70310a61565c75363565355c75363732635c75386139650a70320a61565c55303030316636303020656d6f6a690a70330a61560a70340a61566261636b5c7530303563736c6173680a70350a61566e65775c75303030616c696e655c75303030645c75303030305c75303031610a70360a615671756f746527220a70370a612e",
        "5d710028580600000068c3a96c6c6f71015809000000e697a5e69cace8aa9e7102580a000000f09f988020656d6f6a69710358000000007104580a0000006261636b5c736c6173687105580b0000006e65770a6c696e650d001a7106580700000071756f746527227107652e",
        "80025d710028580600000068c3a96c6c6f71015809000000e697a5e69cace8aa9e7102580a000000f09f988020656d6f6a69710358000000007104580a0000006261636b5c736c6173687105580b0000006e65770a6c696e650d001a7106580700000071756f746527227107652e",
        "80035d710028580600000068c3a96c6c6f71015809000000e697a5e69cace8aa9e7102580a000000f09f988020656d6f6a69710358000000007104580a0000006261636b5c736c6173687105580b0000006e65770a6c696e650d001a7106580700000071756f746527227107652e",
        "8004954f000000000000005d94288c0668c3a96c6c6f948c09e697a5e69cace8aa9e948c0af09f988020656d6f6a69948c00948c0a6261636b5c736c617368948c0b6e65770a6c696e650d001a948c0771756f7465272294652e",
        "8005954f000000000000005d94288c0668c3a96c6c6f948c09e697a5e69cace8aa9e948c0af09f988020656d6f6a69948c00948c0a6261636b5c736c617368948c0b6e65770a6c696e650d001a948c0771756f7465272294652e",
    };

    /** [0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31-1, 2**31, 2**63-1, 2**63, -2**63, -2**63-1, 2**100, -(2**100)] */
    static final String[] INTS = {
        "286c70300a49300a6149310a61492d310a61493235350a61493235360a614936353533350a614936353533360a61492d323134373438333634380a6149323134373438333634370a614c323134373438333634384c0a614c393232333337323033363835343737353830374c0a614c393232333337323033363835343737353830384c0a614c2d393232333337323033363835343737353830384c0a614c2d393232333337323033363835343737353830394c0a614c313236373635303630303232383232393430313439363730333230353337364c0a614c2d313236373635303630303232383232393430313439363730333230353337364c0a612e",
        "5d7100284b004b014affffffff4bff4d00014dffff4a000001004a000000804affffff7f4c323134373438333634384c0a4c393232333337323033363835343737353830374c0a4c393232333337323033363835343737353830384c0a4c2d393232333337323033363835343737353830384c0a4c2d393232333337323033363835343737353830394c0a4c313236373635303630303232383232393430313439363730333230353337364c0a4c2d313236373635303630303232383232393430313439363730333230353337364c0a652e",
        "80025d7100284b004b014affffffff4bff4d00014dffff4a000001004a000000804affffff7f8a0500000080008a08ffffffffffffff7f8a090000000000000080008a0800000000000000808a09ffffffffffffff7fff8a0d000000000000000000000000108a0d000000000000000000000000f0652e",
        "80035d7100284b004b014affffffff4bff4d00014dffff4a000001004a000000804affffff7f8a0500000080008a08ffffffffffffff7f8a090000000000000080008a0800000000000000808a09ffffffffffffff7fff8a0d000000000000000000000000108a0d000000000000000000000000f0652e",
        "80049574000000000000005d94284b004b014affffffff4bff4d00014dffff4a000001004a000000804affffff7f8a0500000080008a08ffffffffffffff7f8a090000000000000080008a0800000000000000808a09ffffffffffffff7fff8a0d000000000000000000000000108a0d000000000000000000000000f0652e",
        "80059574000000000000005d94284b004b014affffffff4bff4d00014dffff4a000001004a000000804affffff7f8a0500000080008a08ffffffffffffff7f8a090000000000000080008a0800000000000000808a09ffffffffffffff7fff8a0d000000000000000000000000108a0d000000000000000000000000f0652e",
    };

    /** [0.0, -0.0, 1.5, -2.25, 1e100, 1e-300, float('inf'), float('-inf'), 0.1] */
    static final String[] FLOATS = {
        "286c70300a46302e300a61462d302e300a6146312e350a61462d322e32350a614631652b3130300a614631652d3330300a6146696e660a61462d696e660a6146302e310a612e",
        "5d710028470000000000000000478000000000000000473ff800000000000047c0020000000000004754b249ad2594c37d4701a56e1fc2f8f359477ff000000000000047fff0000000000000473fb999999999999a652e",
        "80025d710028470000000000000000478000000000000000473ff800000000000047c0020000000000004754b249ad2594c37d4701a56e1fc2f8f359477ff000000000000047fff0000000000000473fb999999999999a652e",
        "80035d710028470000000000000000478000000000000000473ff800000000000047c0020000000000004754b249ad2594c37d4701a56e1fc2f8f359477ff000000000000047fff0000000000000473fb999999999999a652e",
        "80049556000000000000005d9428470000000000000000478000000000000000473ff800000000000047c0020000000000004754b249ad2594c37d4701a56e1fc2f8f359477ff000000000000047fff0000000000000473fb999999999999a652e",
        "80059556000000000000005d9428470000000000000000478000000000000000473ff800000000000047c0020000000000004754b249ad2594c37d4701a56e1fc2f8f359477ff000000000000047fff0000000000000473fb999999999999a652e",
    };

    /** (True, False, None) */
    static final String[] SINGLETONS = {
        "284930310a4930300a4e7470300a2e",
        "284930310a4930300a4e7471002e",
        "800288894e8771002e",
        "800388894e8771002e",
        "800495060000000000000088894e87942e",
        "800595060000000000000088894e87942e",
    };

    /** a = ['s']; [a, a, (a,)] */
    static final String[] SHARED = {
        "286c70300a286c70310a56730a70320a616167310a612867310a7470330a612e",
        "5d7100285d71015801000000737102616801286801747103652e",
        "80025d7100285d710158010000007371026168016801857103652e",
        "80035d7100285d710158010000007371026168016801857103652e",
        "80049512000000000000005d94285d948c01739461680168018594652e",
        "80059512000000000000005d94285d948c01739461680168018594652e",
    };

    /** [b'\x00\x01\xff.', b''], protocols 3 to 5 (earlier ones pickle bytes through a REDUCE). */
    static final String[] BYTES_FROM_P3 = {
        "80035d71002843040001ff2e710143007102652e",
        "8004950f000000000000005d942843040001ff2e94430094652e",
        "8005950f000000000000005d942843040001ff2e94430094652e",
    };

    /** b'ab' in protocols 0 to 2: {@code _codecs.encode('ab', 'latin1')}. */
    static final String[] BYTES_BEFORE_P3 = {
        "635f636f646563730a656e636f64650a70300a285661620a70310a566c6174696e310a70320a7470330a5270340a2e",
        "635f636f646563730a656e636f64650a71002858020000006162710158060000006c6174696e3171027471035271042e",
        "8002635f636f646563730a656e636f64650a710058020000006162710158060000006c6174696e3171028671035271042e",
    };

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void nestedDictsListsAndTuplesKeepTheirKindsAndKeyOrder(int protocol) throws Exception {
        assertDecodes(dict(
                        "a", list(1L, -2L, tuple(3L, "x"), dict("b", null)),
                        "c", tuple(true, false),
                        "d", tuple(),
                        "e", list(list(list())),
                        tuple(1L, "k"), dict()),
                decodeHex(NESTED[protocol]));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void unicodeIncludingNonBmpAndEscapedCharactersDecodes(int protocol) throws Exception {
        assertDecodes(list("h\u00e9llo", "\u65e5\u672c\u8a9e", "\uD83D\uDE00 emoji", "", "back\\slash",
                "new\nline\r\u0000\u001a", "quote'\""), decodeHex(UNICODE[protocol]));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void integersAreLongsAndBigIntegersOnlyBeyond64Bits(int protocol) throws Exception {
        BigInteger two = BigInteger.TWO;
        assertDecodes(list(0L, 1L, -1L, 255L, 256L, 65535L, 65536L, -2147483648L, 2147483647L, 2147483648L,
                        Long.MAX_VALUE, two.pow(63), Long.MIN_VALUE, two.pow(63).negate().subtract(BigInteger.ONE),
                        two.pow(100), two.pow(100).negate()),
                decodeHex(INTS[protocol]));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void floatsAreExactDoublesIncludingSignedZeroAndInfinities(int protocol) throws Exception {
        assertDecodes(list(0.0, -0.0, 1.5, -2.25, 1e100, 1e-300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1),
                decodeHex(FLOATS[protocol]));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void trueFalseAndNoneDecode(int protocol) throws Exception {
        assertDecodes(tuple(true, false, null), decodeHex(SINGLETONS[protocol]));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void sharedReferencesDecodeToTheSameInstance(int protocol) throws Exception {
        Object decoded = decodeHex(SHARED[protocol]);
        assertDecodes(list(list("s"), list("s"), tuple(list("s"))), decoded);
        List<?> outer = (List<?>) decoded;
        assertSame(outer.get(0), outer.get(1));
        assertSame(outer.get(0), ((List<?>) outer.get(2)).get(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void bytesFromProtocolsBefore3AreRefusedBecausePythonPicklesThemThroughAReduce(int protocol) {
        assertRefused("GLOBAL", HexFormat.of().parseHex(BYTES_BEFORE_P3[protocol]));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5})
    void bytesDecodeToByteArrays(int protocol) throws Exception {
        assertDecodes(list(new byte[] {0, 1, (byte) 0xff, '.'}, new byte[0]), decodeHex(BYTES_FROM_P3[protocol - 3]));
    }

    @Test
    void bytearrayOfProtocol5DecodesToAByteArray() throws Exception {
        assertArrayEquals(new byte[] {'a', 'b'}, (byte[]) decodeHex("8005950d000000000000009602000000000000006162942e"));
    }

    @Test
    void setsAreRefused() {
        assertRefused("EMPTY_SET", HexFormat.of().parseHex("80049507000000000000008f94284b01902e"));
    }

    @Test
    void listsLongerThanOneBatchOfAppendsDecode() throws Exception {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes(latin1("\u0080\u0004]\u0094("));
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            if (i % 1000 == 0 && i > 0) {
                pickle.writeBytes(latin1("e("));
            }
            pickle.writeBytes(new byte[] {'M', (byte) i, (byte) (i >> 8)});
            expected.add((long) i);
        }
        pickle.writeBytes(latin1("e."));
        assertEquals(expected, PickleDecoder.decode(pickle.toByteArray()));
    }

    @Test
    void valuesOf64KiBOrMoreWrittenOutsideFramesDecode() throws Exception {
        // the layout of pickle.dumps(['x' * 70000, 'y', b'z' * 70000], protocol=5): the first three
        // opcodes are too few for a frame, the large values go outside frames, 'y' gets a FRAME of 5
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes(latin1("\u0080\u0005]\u0094(X\u0070\u0011\u0001\u0000"));
        pickle.writeBytes(latin1("x".repeat(70_000)));
        pickle.writeBytes(latin1("\u0095\u0005\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0094\u008c\u0001y\u0094B\u0070\u0011\u0001\u0000"));
        pickle.writeBytes(latin1("z".repeat(70_000)));
        pickle.writeBytes(latin1("\u0094e."));
        assertEquals(140_032, pickle.size());
        assertDecodes(list("x".repeat(70_000), "y", latin1("z".repeat(70_000))), PickleDecoder.decode(pickle.toByteArray()));
    }

    @Test
    void framesAreOnlyCheckedToFitLikePickleLoadsDoes() throws Exception {
        assertNull(decode("\u0080\u0004\u0095\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000N."), "an empty frame");
        assertEquals("a", decode("\u0080\u0004\u0095\u0003\u0000\u0000\u0000\u0000\u0000\u0000\u0000K\u0001\u008c\u0001a."),
                "an argument past the frame's end");
    }

    // --- protocol 0 text forms, by hand

    @Test
    void textIntOf01And00IsTrueAndFalse() throws Exception {
        assertEquals(Boolean.TRUE, decode("I01\n."));
        assertEquals(Boolean.FALSE, decode("I00\n."));
        assertEquals(-5L, decode("I-5\n."));
        assertEquals(1L, decode("I1\n."));
    }

    @Test
    void textLongHasAnOptionalTrailingL() throws Exception {
        assertEquals(123L, decode("L123L\n."));
        assertEquals(5L, decode("L5\n."));
        assertEquals(new BigInteger("-99999999999999999999999"), decode("L-99999999999999999999999L\n."));
    }

    @Test
    void textFloatAcceptsPythonReprsOnly() throws Exception {
        assertEquals(1.5, decode("F1.5\n."));
        assertEquals(Double.NaN, decode("Fnan\n."));
        assertEquals(Double.NEGATIVE_INFINITY, decode("F-inf\n."));
        assertEquals(1e-7, decode("F1e-07\n."));
        assertThrows(PickleException.class, () -> decode("F1.5d\n."));
        assertThrows(PickleException.class, () -> decode("F0x1p3\n."));
    }

    @Test
    void textStringDecodesPythonEscapesLikeCPython() throws Exception {
        assertEquals("aA\n'bA\\q", decode("S'a\\x41\\n\\'b\\101\\q'\n."));
        assertEquals("it's", decode("S\"it's\"\n."));
    }

    @Test
    void textStringMustBeQuotedAndWellEscaped() {
        assertThrows(PickleException.class, () -> decode("Sabc\n."));
        assertThrows(PickleException.class, () -> decode("S'abc\"\n."));
        assertThrows(PickleException.class, () -> decode("S'\\x4'\n."));
        assertThrows(PickleException.class, () -> decode("S'abc\\'\n."));
    }

    @Test
    void textUnicodeDecodesRawUnicodeEscapesLikeCPython() throws Exception {
        assertEquals("caf\u00e9 \uD83D\uDE00 \\\\u0041 \\x", decode("Vcaf\\u00e9 \\U0001f600 \\\\u0041 \\x\n."));
        assertEquals("\u00e9", decode("V\u00e9\n."));
        assertThrows(PickleException.class, () -> decode("V\\u12\n."));
        assertThrows(PickleException.class, () -> decode("V\\U00110000\n."));
    }

    @Test
    void binaryIntegersHaveTheirSignedness() throws Exception {
        assertEquals(65535L, decode("M\u00ff\u00ff."));
        assertEquals(-1L, decode("J\u00ff\u00ff\u00ff\u00ff."));
        assertEquals(-1L, decode("\u008a\u0001\u00ff."));
        assertEquals(0L, decode("\u008a\u0000."));
        assertEquals(256L, decode("\u008b\u0002\u0000\u0000\u0000\u0000\u0001."));
    }

    @Test
    void markPopAndDupBehaveAsInCPython() throws Exception {
        assertEquals(1L, decode("K\u0001K\u00020."), "POP drops the top");
        assertEquals(1L, decode("(0K\u0001."), "POP right after MARK drops the MARK");
        assertEquals(1L, decode("K\u0001(K\u00021."), "POP_MARK drops the MARK and what is above it");
        assertDecodes(tuple(1L, 1L), decode("(K\u00012t."));
    }

    @Test
    void memoizeNumbersAfterTheMemoSize() throws Exception {
        assertEquals(7L, decode("K\u0007p5\n\u0094h\u0001."));
    }

    // --- refused and malformed input

    @ParameterizedTest
    @ValueSource(strings = {"GLOBAL", "STACK_GLOBAL", "REDUCE", "BUILD", "INST", "OBJ", "NEWOBJ", "NEWOBJ_EX",
        "EXT1", "EXT2", "EXT4", "PERSID", "BINPERSID", "NEXT_BUFFER", "READONLY_BUFFER", "EMPTY_SET", "ADDITEMS", "FROZENSET"})
    void opcodesThatNameCodeOrNeedOutOfBandDataAreRefusedByName(String name) {
        byte code = (byte) PickleScanner.Opcode.valueOf(name).code;
        assertRefused(name, new byte[] {(byte) 0x80, 5, 'N', code, '.'});
    }

    @Test
    void refusalComesBeforeAnyStructuralError() {
        assertRefused("REDUCE", latin1("a)R."));
    }

    @Test
    void malformedPicklesAreRefusedWithWhatAndWhere() {
        assertFails("stack underflow at APPEND (offset 0)", "a.");
        assertFails("no MARK before at TUPLE (offset 0)", "t.");
        assertFails("memo key 5 not found at BINGET (offset 0)", "h\u0005.");
        assertFails("malformed UTF-8 at SHORT_BINUNICODE (offset 0)", "\u008c\u0001\u00ff.");
        assertFails("trailing bytes after STOP at offset 2", "N.N");
        assertFails("truncated pickle: no STOP in 0 bytes", "");
        assertFails("truncated pickle: no STOP in 6 bytes", "X\u00ff\u00ff\u00ff\u0000.");
        assertFails("pickle larger than 2147483647 bytes", "X\u00ff\u00ff\u00ff\u007f.");
        assertFails("pickle protocol 6 is not supported", "\u0080\u0006N.");
        assertFails("unknown pickle opcode 0xff at offset 1", "N\u00ff.");
        assertFails("dict key is a list at SETITEM (offset 3)", "}]Ns.");
        assertFails("dict key is a bytes at SETITEM (offset 5)", "}C\u0001aNs.");
        assertFails("dict key is a tuple holding a list, dict or bytes at SETITEM (offset 4)", "}]\u0085Ns.");
        assertFails("structure contains itself at APPEND (offset 2)", "]2a.");
        assertFails("odd number of keys and values at SETITEMS (offset 3)", "}(Nu.");
        assertFails("target is not a list at APPEND (offset 2)", "}Na.");
        assertFails("target is not a dict at SETITEM (offset 3)", "]NNs.");
        assertFails("negative length -1 of BINSTRING at offset 0", "T\u00ff\u00ff\u00ff\u00ff.");
        assertFails("frame of 16 bytes goes past the end of the pickle at FRAME (offset 2)",
                "\u0080\u0004\u0095\u0010\u0000\u0000\u0000\u0000\u0000\u0000\u0000N.");
    }

    @Test
    void loneSurrogatesEncodedInUtf8AreMalformed() {
        assertFails("malformed UTF-8 at SHORT_BINUNICODE (offset 0)", "\u008c\u0003\u00ed\u00a0\u0080.");
    }

    @Test
    void surrogateEscapesInProtocolZeroTextAreMalformedEvenAsAPair() {
        // pickle.dumps('Ann\ud800', 0) and pickle.dumps('\ud83d\ude00', 0): Python keeps them as lone surrogates.
        assertFails("escape of a lone surrogate \\ud800 at UNICODE (offset 0)", "VAnn\\ud800\np0\n.");
        assertFails("escape of a lone surrogate \\ud83d at UNICODE (offset 0)", "V\\ud83d\\ude00\np0\n.");
    }

    @Test
    void containerChangedAfterBeingNestedIsRefusedSoNoCycleCanForm() {
        // a = []; b = [a]; then a.append(b) through the memo: would make a cycle
        assertFails("changing a container already inside another (cyclic structures are not supported) at APPEND (offset 12)",
                "]\u0094]\u0094h\u0000a\u0094h\u0000h\u0001a.");
    }

    @Test
    void nestingIsBoundedAtPythonsOwnRecursionLimit() throws Exception {
        assertInstanceOf(ArrayList.class, PickleDecoder.decode(nestedLists(PickleDecoder.MAX_DEPTH)));
        PickleException e = assertThrows(PickleException.class, () -> PickleDecoder.decode(nestedLists(PickleDecoder.MAX_DEPTH + 1)));
        assertTrue(e.getMessage().startsWith("nesting deeper than 1000"), e.getMessage());
    }

    @Test
    void totalNumberOfValuesIsBounded() {
        byte[] pickle = new byte[PickleDecoder.MAX_ELEMENTS + 2];
        Arrays.fill(pickle, (byte) 'N');
        pickle[pickle.length - 1] = '.';
        PickleException e = assertThrows(PickleException.class, () -> PickleDecoder.decode(pickle));
        assertEquals("pickle has more than 1000000 values", e.getMessage());
    }

    @Test
    void integersFromTextAreBoundedLikePythonsIntConversion() throws Exception {
        String limit = "9".repeat(PickleDecoder.MAX_DIGITS);
        assertEquals(new BigInteger(limit), decode("L" + limit + "L\n."));
        assertThrows(PickleException.class, () -> decode("L" + limit + "9L\n."));
    }

    @Test
    void binaryIntegersAreBoundedToTheDigitsOfTextIntegers() throws Exception {
        BigInteger largest = BigInteger.TEN.pow(PickleDecoder.MAX_DIGITS).subtract(BigInteger.ONE);
        assertEquals(largest, PickleDecoder.decode(long4(largest)));
        assertEquals(largest.negate(), PickleDecoder.decode(long4(largest.negate())));
        PickleException e = assertThrows(PickleException.class, () -> PickleDecoder.decode(long4(largest.add(BigInteger.ONE))));
        assertEquals("integer of more than 4300 digits at LONG4 (offset 2)", e.getMessage());
        // 60 KB of one integer: printing it took a second
        assertThrows(PickleException.class, () -> PickleDecoder.decode(long4(BigInteger.ONE.shiftLeft(480_000))));
    }

    /** A protocol-2 pickle of one LONG4 integer. */
    private static byte[] long4(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {(byte) 0x80, 2, (byte) 0x8b});
        int n = bigEndian.length;
        pickle.writeBytes(new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        for (int i = n - 1; i >= 0; i--) {
            pickle.write(bigEndian[i]);
        }
        pickle.write('.');
        return pickle.toByteArray();
    }

    @Test
    void decodedTuplesAreUnmodifiable() throws Exception {
        List<?> tuple = (List<?>) decode("(K\u0001t.");
        assertThrows(UnsupportedOperationException.class, () -> tuple.remove(0));
    }

    // --- helpers

    static byte[] vector(String name) throws IOException {
        return Files.readAllBytes(VECTORS.resolve(name));
    }

    private static Object decode(String latin1) throws PickleException {
        return PickleDecoder.decode(latin1(latin1));
    }

    private static Object decodeHex(String hex) throws PickleException {
        return PickleDecoder.decode(HexFormat.of().parseHex(hex));
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] nestedLists(int depth) {
        return latin1("]".repeat(depth) + "a".repeat(depth - 1) + ".");
    }

    private static void assertRefused(String opcode, byte[] pickle) {
        PickleException e = assertThrows(PickleException.class, () -> PickleDecoder.decode(pickle));
        assertEquals("pickle opcode not allowed: " + opcode, e.getMessage());
    }

    private static void assertFails(String message, String latin1) {
        PickleException e = assertThrows(PickleException.class, () -> decode(latin1));
        assertEquals(message, e.getMessage());
    }

    private static Map<Object, Object> rental(List<Object> users, List<Object> cars, List<Object> times) {
        return dict("users", new ArrayList<>(users), "CarStatus", new ArrayList<>(cars), "Time_Rent", new ArrayList<>(times));
    }

    static Map<Object, Object> dict(Object... keysAndValues) {
        Map<Object, Object> dict = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            dict.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return dict;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    static List<Object> tuple(Object... items) {
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    /**
     * Deep comparison that also checks kinds: expected {@link ArrayList}s are lists, other lists
     * are tuples (unmodifiable), maps keep key order, arrays compare by content, and scalars
     * have the same class (Long is not Integer, Double is not Float).
     */
    static void assertDecodes(Object expected, Object actual) {
        if (expected == null) {
            assertNull(actual);
        } else if (expected instanceof ArrayList<?> e) {
            ArrayList<?> a = assertInstanceOf(ArrayList.class, actual, "a list");
            assertItems(e, a);
        } else if (expected instanceof List<?> e) {
            List<?> a = assertInstanceOf(List.class, actual, "a tuple");
            assertFalse(a instanceof ArrayList<?>, "a tuple, not a list");
            assertThrows(UnsupportedOperationException.class, () -> a.add(null), "tuples are unmodifiable");
            assertItems(e, a);
        } else if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = assertInstanceOf(LinkedHashMap.class, actual, "a dict");
            assertEquals(new ArrayList<>(e.keySet()), new ArrayList<>(a.keySet()), "keys in order");
            for (Map.Entry<?, ?> entry : e.entrySet()) {
                assertDecodes(entry.getValue(), a.get(entry.getKey()));
            }
        } else if (expected instanceof byte[] e) {
            assertArrayEquals(e, assertInstanceOf(byte[].class, actual));
        } else {
            assertEquals(expected, actual);
            assertEquals(expected.getClass(), actual.getClass());
        }
    }

    private static void assertItems(List<?> expected, List<?> actual) {
        assertEquals(expected.size(), actual.size(), "size of " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertDecodes(expected.get(i), actual.get(i));
        }
    }
}
