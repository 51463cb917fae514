package dev.portico.jca.codec;

import dev.portico.jca.api.FeatherBaseCommand;
import dev.portico.jca.api.FeatherBaseReply;
import dev.portico.jca.api.FeatherBaseReply.Word;
import dev.portico.jca.api.FeatherBaseRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static dev.portico.jca.codec.CodecHarness.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The FeatherBase codec, fed raw bytes and typed replies. Wire strings are written as in the
 * protocol document: {@code \xNN} stands for the byte NN (see {@link #wire(String)}).
 */
class FeatherBaseCodecTest {

    private static final int LIMIT = 64;

    private final ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> codec = FeatherBaseSession.codec(LIMIT, false);

    // ---- greeting ----------------------------------------------------------------------------

    @Test
    void theThirdFailedAuthOnAConnectionIsAnsweredFailureAndThenClosesIt() {
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> codec = FeatherBaseSession.codec(1024, true);
        for (int attempt = 1; attempt <= FeatherBaseSession.MAX_AUTH_FAILURES; attempt++) {
            assertEquals(new FeatherBaseCommand.Authenticate("bob", "guess"), request(codec.decode(ByteBuffer.wrap(wire("auth\\x01bob\\x02guess\\x04")))).command());
            assertEquals("FAILURE\u0004", text(encode(codec, FeatherBaseReply.status(Word.FAILURE))), "attempt " + attempt);
            assertEquals(attempt == FeatherBaseSession.MAX_AUTH_FAILURES, codec.session().closeAfterReply(), "attempt " + attempt);
        }
    }

    @Test
    void repliesToCommandsOtherThanAuthNeverCloseTheConnection() {
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> codec = FeatherBaseSession.codec(1024, false);
        for (int attempt = 0; attempt < 2 * FeatherBaseSession.MAX_AUTH_FAILURES; attempt++) {
            request(codec.decode(ByteBuffer.wrap(wire("createdb\\x01a\\x04"))));
            encode(codec, FeatherBaseReply.status(Word.FAILURE));
            assertFalse(codec.session().closeAfterReply());
        }
    }

    @Test
    void aFailedAuthAfterASuccessfulOneLeavesTheConnectionUnauthenticated() {
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> codec = FeatherBaseSession.codec(1024, true);
        request(codec.decode(ByteBuffer.wrap(wire("auth\\x01bob\\x02secret\\x04"))));
        encode(codec, new FeatherBaseReply.Authenticated("bob"));
        assertEquals("bob", request(codec.decode(ByteBuffer.wrap(wire("getdbs\\x01\\x04")))).user());
        encode(codec, FeatherBaseReply.status(Word.NOTFOUND));

        assertEquals(new FeatherBaseRequest(null, new FeatherBaseCommand.Authenticate("eve", "guess")),
                request(codec.decode(ByteBuffer.wrap(wire("auth\\x01eve\\x02guess\\x04")))));
        encode(codec, FeatherBaseReply.status(Word.FAILURE));

        Decoded.Answer<?> refused = assertInstanceOf(Decoded.Answer.class, codec.decode(ByteBuffer.wrap(wire("getdbs\\x01\\x04"))));
        assertEquals("FAILURE\u0004", text(refused.reply()));
        assertFalse(refused.close());
    }

    @Test
    void aFailedAuthDropsTheUserAlsoWhereAuthenticationIsNotRequired() {
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> codec = FeatherBaseSession.codec(1024, false);
        request(codec.decode(ByteBuffer.wrap(wire("auth\\x01bob\\x02secret\\x04"))));
        encode(codec, new FeatherBaseReply.Authenticated("bob"));
        request(codec.decode(ByteBuffer.wrap(wire("auth\\x01bob\\x02wrong\\x04"))));
        encode(codec, FeatherBaseReply.status(Word.FAILURE));

        assertEquals(new FeatherBaseRequest(null, new FeatherBaseCommand.ListDatabases()), request(codec.decode(ByteBuffer.wrap(wire("getdbs\\x01\\x04")))));
    }

    @Test
    void renderingAnAuthReplyOnTheWorkerChangesNoLoginUntilTheListenerTakesIt() {
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> codec = FeatherBaseSession.codec(1024, true);
        request(codec.decode(ByteBuffer.wrap(wire("auth\\x01bob\\x02secret\\x04"))));
        assertEquals("SUCCESS\u0004", text(codec.session().render(new FeatherBaseReply.Authenticated("bob"))));
        assertAnswer("FAILURE\u0004", false, codec.decode(ByteBuffer.wrap(wire("getdbs\\x01\\x04"))), () -> "rendered, not taken yet:");

        request(codec.decode(ByteBuffer.wrap(wire("auth\\x01bob\\x02secret\\x04"))));
        codec.session().taken(new FeatherBaseReply.Authenticated("bob"));
        assertEquals("bob", request(codec.decode(ByteBuffer.wrap(wire("getdbs\\x01\\x04")))).user());
    }

    @Test
    void failedAuthsCountOnlyAsTheirRepliesAreTaken() {
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> codec = FeatherBaseSession.codec(1024, true);
        for (int attempt = 1; attempt <= FeatherBaseSession.MAX_AUTH_FAILURES; attempt++) {
            request(codec.decode(ByteBuffer.wrap(wire("auth\\x01bob\\x02guess\\x04"))));
            codec.session().render(FeatherBaseReply.status(Word.FAILURE));
            assertFalse(codec.session().closeAfterReply(), "rendered only, attempt " + attempt);
            codec.session().taken(FeatherBaseReply.status(Word.FAILURE));
        }
        assertTrue(codec.session().closeAfterReply());
    }

    @Test
    void greetingIsConnectionAcceptedAndANewline() {
        assertArrayEquals("Connection accepted\n".getBytes(StandardCharsets.US_ASCII), codec.session().greeting());
    }

    @Test
    void greetingIsAFreshCopyEachTime() {
        codec.session().greeting()[0] = 'X';
        assertEquals("Connection accepted\n", text(codec.session().greeting()));
    }

    // ---- every command of the table ------------------------------------------------------------

    static Stream<Arguments> commandTable() {
        return Stream.of(
                Arguments.of("createdb\\x01DB\\x04", new FeatherBaseCommand.CreateDatabase("DB")),
                Arguments.of("getdbs\\x01\\x04", new FeatherBaseCommand.ListDatabases()),
                Arguments.of("deldb\\x01DB\\x04", new FeatherBaseCommand.DeleteDatabase("DB")),
                Arguments.of("renamedb\\x01DB\\x02NEW\\x04", new FeatherBaseCommand.RenameDatabase("DB", "NEW")),
                Arguments.of("addtbl\\x01DB\\x01TBL\\x02C1\\x09C2\\x09C3\\x04",
                        new FeatherBaseCommand.AddTable("DB", "TBL", List.of("C1", "C2", "C3"))),
                Arguments.of("gettbls\\x01DB\\x04", new FeatherBaseCommand.ListTables("DB")),
                Arguments.of("deltbl\\x01DB\\x02TBL\\x04", new FeatherBaseCommand.DeleteTable("DB", "TBL")),
                Arguments.of("renametbl\\x01DB\\x01TBL\\x02NEW\\x04", new FeatherBaseCommand.RenameTable("DB", "TBL", "NEW")),
                Arguments.of("addcol\\x01DB\\x01TBL\\x02COL\\x04", new FeatherBaseCommand.AddColumn("DB", "TBL", "COL")),
                Arguments.of("delcol\\x01DB\\x01TBL\\x02COL\\x04", new FeatherBaseCommand.DeleteColumn("DB", "TBL", "COL")),
                Arguments.of("renamecol\\x01DB\\x01TBL\\x02COL\\x09NEW\\x04",
                        new FeatherBaseCommand.RenameColumn("DB", "TBL", "COL", "NEW")),
                Arguments.of("addrow\\x01DB\\x01TBL\\x02V1\\x09V2\\x09V3\\x04",
                        new FeatherBaseCommand.AddRow("DB", "TBL", List.of("V1", "V2", "V3"))),
                Arguments.of("getrow\\x01DB\\x01TBL\\x0212\\x04", new FeatherBaseCommand.GetRow("DB", "TBL", 12)),
                Arguments.of("getcell\\x01DB\\x01TBL\\x023\\x09COL\\x04", new FeatherBaseCommand.GetCell("DB", "TBL", 3, "COL")),
                Arguments.of("owrow\\x01DB\\x01TBL\\x057\\x02V1\\x09V2\\x04",
                        new FeatherBaseCommand.OverwriteRow("DB", "TBL", 7, List.of("V1", "V2"))),
                Arguments.of("owcell\\x01DB\\x01TBL\\x020\\x09COL\\x05VALUE\\x04",
                        new FeatherBaseCommand.OverwriteCell("DB", "TBL", 0, "COL", "VALUE")),
                Arguments.of("auth\\x01USER\\x02PASSWORD\\x04", new FeatherBaseCommand.Authenticate("USER", "PASSWORD")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandTable")
    void commandOfTheSpecTableDecodesToItsRecordWithoutUserAndConsumesThroughEot(String command, FeatherBaseCommand expected) {
        ByteBuffer buffer = ByteBuffer.wrap(wire(command));
        assertEquals(new FeatherBaseRequest(null, expected), request(codec.decode(buffer)));
        assertEquals(buffer.limit(), buffer.position());
    }

    @Test
    void addTableWithNothingAfterStxHasNoColumns() {
        assertEquals(new FeatherBaseCommand.AddTable("DB", "TBL", List.of()), command("addtbl\\x01DB\\x01TBL\\x02\\x04"));
    }

    @Test
    void addRowKeepsEmptyValuesIncludingALoneEmptyValue() {
        assertEquals(new FeatherBaseCommand.AddRow("DB", "T", List.of("", "x", "")), command("addrow\\x01DB\\x01T\\x02\\x09x\\x09\\x04"));
        assertEquals(new FeatherBaseCommand.AddRow("DB", "T", List.of("")), command("addrow\\x01DB\\x01T\\x02\\x04"));
    }

    @Test
    void valuesKeepSpacesColonsAndNonAsciiAsSent() {
        assertEquals(new FeatherBaseCommand.AddRow("DB", "T", List.of(" a b ", "k:v", "Zoë😀")),
                command("addrow\\x01DB\\x01T\\x02 a b \\x09k:v\\x09Zoë😀\\x04"));
    }

    @Test
    void overwriteCellAcceptsAnEmptyValue() {
        assertEquals(new FeatherBaseCommand.OverwriteCell("DB", "T", 2, "c", ""), command("owcell\\x01DB\\x01T\\x022\\x09c\\x05\\x04"));
    }

    @Test
    void namesAreDecodedAsUtf8() {
        assertEquals(new FeatherBaseCommand.CreateDatabase("Café😀"), command("createdb\\x01Café😀\\x04"));
    }

    @Test
    void bytesThatAreNotUtf8AreASyntaxErrorNotReplacedSoThatTwoNamesNeverBecomeOne() {
        byte[] bytes = {'c', 'r', 'e', 'a', 't', 'e', 'd', 'b', 0x01, 'a', (byte) 0xFF, 'b', 0x04};
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertAnswer("SYNTAXERROR\u0004", false, codec.decode(buffer));
        assertEquals(buffer.limit(), buffer.position(), "consumed through its EOT: the connection goes on");
        assertEquals(new FeatherBaseCommand.CreateDatabase("a\uFFFDb"), command("createdb\\x01a\uFFFDb\\x04"),
                "a replacement character sent as UTF-8 is a character like any other");
    }

    @Test
    void rowNumberWithLeadingZerosIsDecimal() {
        assertEquals(new FeatherBaseCommand.GetRow("db", "t", 8), command("getrow\\x01db\\x01t\\x02008\\x04"));
    }

    @Test
    void largestLongRowNumberDecodesExactly() {
        assertEquals(new FeatherBaseCommand.GetRow("db", "t", Long.MAX_VALUE), command("getrow\\x01db\\x01t\\x029223372036854775807\\x04"));
    }

    @Test
    void rowNumberTooLargeForALongDecodesToLongMaxValue() {
        assertEquals(new FeatherBaseCommand.GetRow("db", "t", Long.MAX_VALUE), command("getrow\\x01db\\x01t\\x029223372036854775808\\x04"));
        assertEquals(new FeatherBaseCommand.GetCell("db", "t", Long.MAX_VALUE, "c"),
                command("getcell\\x01db\\x01t\\x02123456789012345678901234567890\\x09c\\x04"));
    }

    @Test
    void authenticatePasswordMayContainSeparatorFreePunctuation() {
        assertEquals(new FeatherBaseCommand.Authenticate("bob", "p@ss w:rd"), command("auth\\x01bob\\x02p@ss w:rd\\x04"));
    }

    @Test
    void authenticateToStringDoesNotRevealThePassword() {
        assertFalse(command("auth\\x01bob\\x02hunter2\\x04").toString().contains("hunter2"));
    }

    // ---- framing: line ends, pipelining, split input ------------------------------------------

    @Test
    void newlineAfterEotIsConsumedWithTheNextDecode() {
        ByteBuffer buffer = ByteBuffer.wrap(wire("createdb\\x01a\\x04\n"));
        assertInstanceOf(Decoded.Request.class, codec.decode(buffer));
        assertInstanceOf(Decoded.NeedMore.class, codec.decode(buffer));
        assertEquals(buffer.limit(), buffer.position(), "the line end is dropped, not kept for a next command");
    }

    @Test
    void carriageReturnNewlineAfterEotIsIgnored() {
        ByteBuffer buffer = ByteBuffer.wrap(wire("createdb\\x01a\\x04\r\ndeldb\\x01a\\x04\r\n"));
        assertEquals(new FeatherBaseCommand.CreateDatabase("a"), request(codec.decode(buffer)).command());
        assertEquals(new FeatherBaseCommand.DeleteDatabase("a"), request(codec.decode(buffer)).command());
        assertInstanceOf(Decoded.NeedMore.class, codec.decode(buffer));
        assertEquals(buffer.limit(), buffer.position());
    }

    @Test
    void emptyBufferNeedsMoreAndConsumesNothing() {
        ByteBuffer buffer = ByteBuffer.allocate(0);
        assertInstanceOf(Decoded.NeedMore.class, codec.decode(buffer));
        assertEquals(0, buffer.position());
    }

    @Test
    void partialCommandNeedsMoreAndLeavesTheBufferAsItWas() {
        byte[] bytes = wire("createdb\\x01sh");
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertInstanceOf(Decoded.NeedMore.class, codec.decode(buffer));
        assertEquals(0, buffer.position());
        assertEquals(bytes.length, buffer.limit());
    }

    @Test
    void bytesAfterTheEotAreLeftForTheNextDecode() {
        byte[] bytes = wire("createdb\\x01a\\x04getdb");
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertInstanceOf(Decoded.Request.class, codec.decode(buffer));
        assertEquals(wire("createdb\\x01a\\x04").length, buffer.position());
        assertEquals(bytes.length, buffer.limit());
    }

    @Test
    void decodingStartsAtTheBufferPosition() {
        ByteBuffer buffer = ByteBuffer.wrap(wire("junkdeldb\\x01x\\x04"));
        buffer.position(4);
        assertEquals(new FeatherBaseCommand.DeleteDatabase("x"), request(codec.decode(buffer)).command());
    }

    /** The commands of the spec's example session, each followed by a newline as {@code echo} adds. */
    private static final List<String> EXAMPLE_SESSION = List.of(
            "createdb\\x01shop\\x04",
            "addtbl\\x01shop\\x01items\\x02sku\\x09name\\x09qty\\x04",
            "addrow\\x01shop\\x01items\\x02A1\\x09Bolt\\x0940\\x04",
            "getrow\\x01shop\\x01items\\x020\\x04",
            "getcell\\x01shop\\x01items\\x020\\x09qty\\x04",
            "owcell\\x01shop\\x01items\\x020\\x09qty\\x0539\\x04",
            "getrow\\x01shop\\x01items\\x027\\x04",
            "frobnicate\\x01\\x04");

    /** What decoding the example session yields, in order. */
    private static final List<Object> EXAMPLE_OUTCOMES = List.of(
            new FeatherBaseRequest(null, new FeatherBaseCommand.CreateDatabase("shop")),
            new FeatherBaseRequest(null, new FeatherBaseCommand.AddTable("shop", "items", List.of("sku", "name", "qty"))),
            new FeatherBaseRequest(null, new FeatherBaseCommand.AddRow("shop", "items", List.of("A1", "Bolt", "40"))),
            new FeatherBaseRequest(null, new FeatherBaseCommand.GetRow("shop", "items", 0)),
            new FeatherBaseRequest(null, new FeatherBaseCommand.GetCell("shop", "items", 0, "qty")),
            new FeatherBaseRequest(null, new FeatherBaseCommand.OverwriteCell("shop", "items", 0, "qty", "39")),
            new FeatherBaseRequest(null, new FeatherBaseCommand.GetRow("shop", "items", 7)),
            new Answered("SYNTAXERROR\u0004", false));

    @Test
    void exampleSessionAsOnePipelinedBurstDecodesInOrderThenNeedsMore() {
        ByteBuffer buffer = ByteBuffer.wrap(session("\n"));
        assertEquals(EXAMPLE_OUTCOMES, drain(buffer));
        assertEquals(buffer.limit(), buffer.position(), "every byte, trailing newline included, is consumed");
    }

    @Test
    void exampleSessionWithCarriageReturnNewlinesDecodesTheSame() {
        ByteBuffer buffer = ByteBuffer.wrap(session("\r\n"));
        assertEquals(EXAMPLE_OUTCOMES, drain(buffer));
        assertEquals(buffer.limit(), buffer.position());
    }

    @Test
    void exampleSessionFedOneByteAtATimeDecodesTheSameCommands() {
        assertEquals(EXAMPLE_OUTCOMES, outcomesInChunks(session("\n"), new int[] {1}));
    }

    @Test
    void exampleSessionFedInUnevenChunksDecodesTheSameCommands() {
        assertEquals(EXAMPLE_OUTCOMES, outcomesInChunks(session("\r\n"), new int[] {3, 1, 7, 2, 13, 5}));
    }

    @Test
    void multiByteCharacterSplitAcrossChunksDecodesAsOneCharacter() {
        assertEquals(List.of(new FeatherBaseRequest(null, new FeatherBaseCommand.CreateDatabase("Zoë😀"))),
                outcomesInChunks(wire("createdb\\x01Zoë😀\\x04"), new int[] {1}));
    }

    // ---- malformed commands --------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // unknown operation, or none
            "frobnicate\\x01\\x04",
            "\\x04",
            "\\x01DB\\x04",
            "CREATEDB\\x01DB\\x04",
            "createdb \\x01DB\\x04",
            // missing parts
            "createdb\\x04",
            "renamedb\\x01DB\\x04",
            "addtbl\\x01DB\\x04",
            "addrow\\x01DB\\x01TBL\\x04",
            "getcell\\x01DB\\x01TBL\\x020\\x04",
            "renamecol\\x01DB\\x01TBL\\x02COL\\x04",
            "owcell\\x01DB\\x01TBL\\x020\\x09COL\\x04",
            "auth\\x01bob\\x04",
            // wrong or extra separators
            "getdbs\\x04",
            "getdbs\\x01x\\x04",
            "getdbs\\x01\\x02\\x04",
            "createdb\\x01DB\\x02X\\x04",
            "renamedb\\x01DB\\x01NEW\\x04",
            "deltbl\\x01DB\\x01TBL\\x04",
            "addtbl\\x01DB\\x02TBL\\x01C1\\x04",
            "addcol\\x01DB\\x01TBL\\x05COL\\x04",
            "owrow\\x01DB\\x01TBL\\x020\\x05V1\\x04",
            "owcell\\x01DB\\x01TBL\\x050\\x09COL\\x02VALUE\\x04",
            "getcell\\x01DB\\x01TBL\\x020\\x09COL\\x09X\\x04",
            // row numbers that are not decimal digits
            "getrow\\x01db\\x01t\\x02x\\x04",
            "getrow\\x01db\\x01t\\x02-1\\x04",
            "getrow\\x01db\\x01t\\x02+1\\x04",
            "getrow\\x01db\\x01t\\x02 1\\x04",
            "getrow\\x01db\\x01t\\x021.5\\x04",
            "getrow\\x01db\\x01t\\x02\\x04",
            "getcell\\x01db\\x01t\\x02one\\x09c\\x04",
            "owrow\\x01db\\x01t\\x05-1\\x02v\\x04",
            // empty names
            "createdb\\x01\\x04",
            "renamedb\\x01DB\\x02\\x04",
            "addrow\\x01\\x01TBL\\x02v\\x04",
            "addtbl\\x01DB\\x01TBL\\x02C1\\x09\\x09C3\\x04",
            "renamecol\\x01DB\\x01TBL\\x02\\x09NEW\\x04",
            "auth\\x01\\x02pw\\x04",
            // TAB inside a name, or in a single value
            "createdb\\x01D\\x09B\\x04",
            "addtbl\\x01DB\\x01T\\x09BL\\x02C1\\x04",
            "renametbl\\x01DB\\x01TBL\\x02N\\x09EW\\x04",
            "owcell\\x01DB\\x01TBL\\x020\\x09COL\\x05a\\x09b\\x04",
            "auth\\x01bob\\x02pass\\x09word\\x04",
    })
    void malformedCommandIsAnsweredSyntaxErrorAndTheConnectionStaysOpen(String command) {
        ByteBuffer buffer = ByteBuffer.wrap(wire(command));
        assertAnswer("SYNTAXERROR\u0004", false, codec.decode(buffer));
        assertEquals(buffer.limit(), buffer.position(), "the malformed command is consumed through its EOT");
    }

    @Test
    void commandAfterASyntaxErrorOnTheSameConnectionIsDecoded() {
        ByteBuffer buffer = ByteBuffer.wrap(wire("getrow\\x01db\\x01t\\x02x\\x04\ngetrow\\x01db\\x01t\\x021\\x04\n"));
        assertEquals(List.of(new Answered("SYNTAXERROR\u0004", false), new FeatherBaseRequest(null, new FeatherBaseCommand.GetRow("db", "t", 1))),
                drain(buffer));
    }

    @Test
    void everyAnswerIsAFreshCopy() {
        Decoded.Answer<?> first = assertInstanceOf(Decoded.Answer.class, decode("frobnicate\\x01\\x04"));
        first.reply()[0] = 'X';
        assertAnswer("SYNTAXERROR\u0004", false, decode("frobnicate\\x01\\x04"));
    }

    // ---- size limit ----------------------------------------------------------------------------

    @Test
    void commandLongerThanTheLimitWithoutEotIsAnsweredSyntaxErrorAndClosed() {
        byte[] bytes = new byte[LIMIT + 1];
        Arrays.fill(bytes, (byte) 'x');
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertAnswer("SYNTAXERROR\u0004", true, codec.decode(buffer));
        assertEquals(buffer.limit(), buffer.position(), "the oversized bytes are dropped");
    }

    @Test
    void commandOfExactlyTheLimitWithoutEotNeedsMore() {
        byte[] bytes = new byte[LIMIT];
        Arrays.fill(bytes, (byte) 'x');
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertInstanceOf(Decoded.NeedMore.class, codec.decode(buffer));
        assertEquals(0, buffer.position());
    }

    @Test
    void commandOfExactlyTheLimitThenEotIsAccepted() {
        String name = "d".repeat(LIMIT - "createdb\u0001".length());
        byte[] bytes = wire("createdb\\x01" + name + "\\x04");
        assertEquals(LIMIT + 1, bytes.length);
        assertEquals(new FeatherBaseCommand.CreateDatabase(name), request(codec.decode(ByteBuffer.wrap(bytes))).command());
    }

    @Test
    void commandOneByteOverTheLimitIsRefusedEvenWhenItsEotHasArrived() {
        byte[] bytes = wire("createdb\\x01" + "d".repeat(LIMIT - "createdb\u0001".length() + 1) + "\\x04");
        assertAnswer("SYNTAXERROR\u0004", true, codec.decode(ByteBuffer.wrap(bytes)));
    }

    @Test
    void limitCountsBytesNotCharacters() {
        String name = "é".repeat(27) + "d";
        byte[] accepted = wire("createdb\\x01" + name + "\\x04");
        assertEquals(LIMIT + 1, accepted.length);
        assertEquals(new FeatherBaseCommand.CreateDatabase(name), request(codec.decode(ByteBuffer.wrap(accepted))).command());

        byte[] tooLong = wire("createdb\\x01" + "é".repeat(28) + "\\x04");
        assertAnswer("SYNTAXERROR\u0004", true, codec.decode(ByteBuffer.wrap(tooLong)));
    }

    @Test
    void lineEndsBeforeACommandDoNotCountTowardsTheLimit() {
        String name = "d".repeat(LIMIT - "createdb\u0001".length());
        ByteBuffer buffer = ByteBuffer.wrap(wire("\r\n\n" + "createdb\\x01" + name + "\\x04"));
        assertEquals(new FeatherBaseCommand.CreateDatabase(name), request(codec.decode(buffer)).command());
    }

    @Test
    void commandCrossingTheLimitByteByByteIsAnsweredSyntaxErrorAndClosedOnlyOnceCrossed() {
        byte[] bytes = new byte[LIMIT + 1];
        Arrays.fill(bytes, (byte) 'x');
        List<Object> outcomes = outcomesInChunks(bytes, new int[] {1});
        assertEquals(List.of(new Answered("SYNTAXERROR\u0004", true)), outcomes);
    }

    @Test
    void limitAppliesToEachCommandOfAPipelineSeparately() {
        String name = "d".repeat(LIMIT - "createdb\u0001".length());
        ByteBuffer buffer = ByteBuffer.wrap(wire(("createdb\\x01" + name + "\\x04\n").repeat(3)));
        List<Object> outcomes = drain(buffer);
        assertEquals(3, outcomes.size());
        outcomes.forEach(o -> assertEquals(new FeatherBaseRequest(null, new FeatherBaseCommand.CreateDatabase(name)), o));
    }

    @Test
    void nonPositiveLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FeatherBaseSession.codec(0, false));
    }

    // ---- garbage -------------------------------------------------------------------------------

    @Test
    void randomBinaryFramesEndingInEotAreAnsweredSyntaxErrorWithoutException() {
        Random random = new Random(20_241_122L);
        for (int frame = 0; frame < 2000; frame++) {
            byte[] bytes = randomFrameWithoutEot(random, random.nextInt(LIMIT + 1));
            ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 1).put(bytes).put((byte) 0x04).flip();
            int index = frame;
            assertAnswer("SYNTAXERROR\u0004", false, codec.decode(buffer), () -> "frame " + index + ": " + Arrays.toString(bytes));
            assertEquals(buffer.limit(), buffer.position(), () -> "frame " + index + " is consumed through its EOT");
        }
    }

    @Test
    void randomBinaryFramesPipelinedInOneBufferEachGetOneSyntaxError() {
        Random random = new Random(7L);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int frame = 0; frame < 500; frame++) {
            stream.writeBytes(randomFrameWithoutEot(random, random.nextInt(LIMIT + 1)));
            stream.write(0x04);
        }
        List<Object> outcomes = drain(ByteBuffer.wrap(stream.toByteArray()));
        assertEquals(500, outcomes.size());
        outcomes.forEach(o -> assertEquals(new Answered("SYNTAXERROR\u0004", false), o));
    }

    @Test
    void randomBinaryWithoutEotOverTheLimitIsAnsweredSyntaxErrorAndClosed() {
        Random random = new Random(99L);
        for (int attempt = 0; attempt < 200; attempt++) {
            byte[] bytes = randomFrameWithoutEot(random, LIMIT + 1 + random.nextInt(LIMIT));
            bytes[0] = 'x'; // leading line ends would be skipped and could bring the rest under the limit
            assertAnswer("SYNTAXERROR\u0004", true, codec.decode(ByteBuffer.wrap(bytes)));
        }
    }

    // ---- encoding ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Word.class)
    void statusIsEncodedAsItsWordThenEot(Word word) {
        assertArrayEquals(wire(word.name() + "\\x04"), encode(codec, FeatherBaseReply.status(word)));
    }

    @Test
    void valuesAreJoinedByTabThenEot() {
        assertEquals("A1\tBolt\t40\u0004", text(encode(codec, new FeatherBaseReply.Values(List.of("A1", "Bolt", "40")))));
    }

    @Test
    void singleValueIsEncodedAloneThenEot() {
        assertEquals("40\u0004", text(encode(codec, new FeatherBaseReply.Values(List.of("40")))));
    }

    @Test
    void emptyValuesAreEotAlone() {
        assertArrayEquals(new byte[] {0x04}, encode(codec, new FeatherBaseReply.Values(List.of())));
    }

    @Test
    void emptyStringsAmongValuesKeepTheirTabs() {
        assertEquals("\ta\t\u0004", text(encode(codec, new FeatherBaseReply.Values(List.of("", "a", "")))));
    }

    @Test
    void valuesAreEncodedAsUtf8() {
        assertArrayEquals(wire("Zoë😀\\x09é\\x04"), encode(codec, new FeatherBaseReply.Values(List.of("Zoë😀", "é"))));
    }

    @Test
    void authenticatedIsEncodedAsSuccess() {
        assertEquals("SUCCESS\u0004", text(encode(codec, new FeatherBaseReply.Authenticated("bob"))));
    }

    @Test
    void serverErrorIsEncodedAsFailure() {
        assertEquals("FAILURE\u0004", text(encode(codec, codec.session().serverError())));
    }

    // ---- authentication --------------------------------------------------------------------------

    @Test
    void withAuthenticationRequiredAnyOtherCommandBeforeAuthIsAnsweredFailureByTheCodecAndTheConnectionStaysOpen() {
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> guarded = FeatherBaseSession.codec(LIMIT, true);
        for (String command : List.of("getdbs\\x01\\x04", "createdb\\x01DB\\x04", "getrow\\x01db\\x01t\\x020\\x04")) {
            ByteBuffer buffer = ByteBuffer.wrap(wire(command));
            assertAnswer("FAILURE\u0004", false, guarded.decode(buffer));
            assertEquals(buffer.limit(), buffer.position());
        }
    }

    @Test
    void withAuthenticationRequiredAMalformedCommandIsStillASyntaxError() {
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> guarded = FeatherBaseSession.codec(LIMIT, true);
        assertAnswer("SYNTAXERROR\u0004", false, guarded.decode(ByteBuffer.wrap(wire("frobnicate\\x01\\x04"))));
    }

    @Test
    void withAuthenticationRequiredAuthDecodesToARequestWithoutUser() {
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> guarded = FeatherBaseSession.codec(LIMIT, true);
        assertEquals(new FeatherBaseRequest(null, new FeatherBaseCommand.Authenticate("bob", "secret")),
                request(guarded.decode(ByteBuffer.wrap(wire("auth\\x01bob\\x02secret\\x04")))));
    }

    @Test
    void afterAuthenticatedIsEncodedLaterCommandsCarryTheUser() {
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> guarded = FeatherBaseSession.codec(LIMIT, true);
        ByteBuffer buffer = ByteBuffer.wrap(wire("auth\\x01bob\\x02secret\\x04\ngetdbs\\x01\\x04\ndeldb\\x01x\\x04"));
        assertInstanceOf(Decoded.Request.class, guarded.decode(buffer));

        assertEquals("SUCCESS\u0004", text(encode(guarded, new FeatherBaseReply.Authenticated("bob"))));

        assertEquals(new FeatherBaseRequest("bob", new FeatherBaseCommand.ListDatabases()), request(guarded.decode(buffer)));
        assertEquals(new FeatherBaseRequest("bob", new FeatherBaseCommand.DeleteDatabase("x")), request(guarded.decode(buffer)));
    }

    @Test
    void afterAFailedAuthCommandsAreStillAnsweredFailure() {
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> guarded = FeatherBaseSession.codec(LIMIT, true);
        ByteBuffer buffer = ByteBuffer.wrap(wire("auth\\x01bob\\x02wrong\\x04getdbs\\x01\\x04"));
        assertInstanceOf(Decoded.Request.class, guarded.decode(buffer));

        assertEquals("FAILURE\u0004", text(encode(guarded, FeatherBaseReply.status(Word.FAILURE))));

        assertAnswer("FAILURE\u0004", false, guarded.decode(buffer));
    }

    @Test
    void otherRepliesDoNotAuthenticateTheConnection() {
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> guarded = FeatherBaseSession.codec(LIMIT, true);
        encode(guarded, FeatherBaseReply.status(Word.SUCCESS));
        encode(guarded, new FeatherBaseReply.Values(List.of("bob")));
        assertAnswer("FAILURE\u0004", false, guarded.decode(ByteBuffer.wrap(wire("getdbs\\x01\\x04"))));
    }

    @Test
    void withoutAuthenticationRequiredCommandsPassWithoutUser() {
        ByteBuffer buffer = ByteBuffer.wrap(wire("getdbs\\x01\\x04createdb\\x01DB\\x04"));
        assertEquals(new FeatherBaseRequest(null, new FeatherBaseCommand.ListDatabases()), request(codec.decode(buffer)));
        assertNull(request(codec.decode(buffer)).user());
    }

    @Test
    void authenticationStateBelongsToOneCodecOnly() {
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> first = FeatherBaseSession.codec(LIMIT, true);
        ConnectionCodec<FeatherBaseRequest, FeatherBaseReply> second = FeatherBaseSession.codec(LIMIT, true);
        encode(first, new FeatherBaseReply.Authenticated("bob"));
        assertEquals("bob", request(first.decode(ByteBuffer.wrap(wire("getdbs\\x01\\x04")))).user());
        assertAnswer("FAILURE\u0004", false, second.decode(ByteBuffer.wrap(wire("getdbs\\x01\\x04"))));
    }

    // ---- the codec's own replies ----------------------------------------------------------------

    @Test
    void timedOutIsSyntaxError() {
        assertEquals("SYNTAXERROR\u0004", text(codec.session().timedOut()));
    }

    @Test
    void connectionsArePersistentAndHalfCloseMidCommandSendsNothing() {
        assertFalse(codec.session().oneRequestPerConnection());
        assertEquals(0, codec.session().incomplete().length);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** An answer the codec gave itself, comparable by value. */
    private record Answered(String reply, boolean close) { }

    private static byte[] session(String lineEnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String command : EXAMPLE_SESSION) {
            out.writeBytes(wire(command));
            out.writeBytes(lineEnd.getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** Decodes until the codec needs more; requests as themselves, answers as {@link Answered}. */
    private List<Object> drain(ByteBuffer buffer) {
        List<Object> outcomes = new ArrayList<>();
        while (true) {
            Decoded<FeatherBaseRequest> decoded = codec.decode(buffer);
            if (decoded instanceof Decoded.NeedMore) {
                return outcomes;
            }
            outcomes.add(outcome(decoded));
            if (decoded instanceof Decoded.Answer<FeatherBaseRequest> answer && answer.close()) {
                return outcomes;
            }
        }
    }

    /** What the codec makes of the bytes arriving in chunks of the given sizes (see {@link CodecHarness#feedInChunks}), as outcomes. */
    private List<Object> outcomesInChunks(byte[] bytes, int[] chunkSizes) {
        return CodecHarness.feedInChunks(codec, bytes, chunkSizes).stream().map(FeatherBaseCodecTest::outcome).toList();
    }

    private static Object outcome(Decoded<FeatherBaseRequest> decoded) {
        if (decoded instanceof Decoded.Request<FeatherBaseRequest> request) {
            return request.request();
        }
        Decoded.Answer<?> answer = assertInstanceOf(Decoded.Answer.class, decoded);
        return new Answered(text(answer.reply()), answer.close());
    }

    private static byte[] randomFrameWithoutEot(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0x04) {
                bytes[i] = 0x05;
            }
        }
        return bytes;
    }

    private FeatherBaseCommand command(String command) {
        ByteBuffer buffer = ByteBuffer.wrap(wire(command));
        FeatherBaseRequest request = request(codec.decode(buffer));
        assertEquals(buffer.limit(), buffer.position(), "the command is consumed through its EOT");
        return request.command();
    }

    private Decoded<FeatherBaseRequest> decode(String command) {
        return codec.decode(ByteBuffer.wrap(wire(command)));
    }

}
