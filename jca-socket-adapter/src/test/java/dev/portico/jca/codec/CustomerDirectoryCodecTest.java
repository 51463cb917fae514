package dev.portico.jca.codec;

import dev.portico.jca.api.CustomerDirectoryReply;
import dev.portico.jca.api.CustomerDirectoryReply.Customer;
import dev.portico.jca.api.CustomerDirectoryReply.Field;
import dev.portico.jca.api.CustomerDirectoryReply.Operation;
import dev.portico.jca.api.CustomerDirectoryRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.portico.jca.codec.CodecHarness.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The customer directory codec, fed raw bytes and typed replies. */
class CustomerDirectoryCodecTest {

    private static final int LIMIT = 512;
    private static final Path VECTORS = Path.of("../../shared/protocols/vectors/customer-directory.json");

    private final ConnectionCodec<CustomerDirectoryRequest, CustomerDirectoryReply> codec = CustomerDirectorySession.codec(LIMIT);

    // ---- decoding whole requests -------------------------------------------------------------

    @Test
    void findDecodesToFindWithTrimmedName() {
        assertEquals(new CustomerDirectoryRequest.Find("KATYA"), request("1|  KATYA  \n"));
    }

    @Test
    void addDecodesToAddWithTrimmedLineAndTrimmedFields() {
        assertEquals(new CustomerDirectoryRequest.Add("2 | Wu | 44 | 9 Elm | 426-0000", "Wu", "44", "9 Elm", "426-0000"),
                request("2 | Wu | 44 | 9 Elm | 426-0000 \n"));
    }

    @Test
    void addKeepsEmptyFieldsAsEmptyStrings() {
        assertEquals(new CustomerDirectoryRequest.Add("2||30|a|514-1234", "", "30", "a", "514-1234"), request("2||30|a|514-1234\n"));
        assertEquals(new CustomerDirectoryRequest.Add("2|Yan||No age|", "Yan", "", "No age", ""), request("2|Yan||No age|\n"));
    }

    @Test
    void deleteDecodesToDeleteWithTrimmedName() {
        assertEquals(new CustomerDirectoryRequest.Delete("zed"), request("3| zed \n"));
        assertEquals(new CustomerDirectoryRequest.Delete(""), request("3|\n"));
    }

    @Test
    void updateAgeDecodesToUpdateAgeWithTrimmedFields() {
        assertEquals(new CustomerDirectoryRequest.UpdateAge("zed", "45"), request("4| zed |\t45 \n"));
        assertEquals(new CustomerDirectoryRequest.UpdateAge("Zed", ""), request("4|Zed|\n"));
    }

    @Test
    void updateAddressDecodesToUpdateAddressWithTrimmedFields() {
        assertEquals(new CustomerDirectoryRequest.UpdateAddress("ZED", "New Address"), request("5|ZED|  New Address \n"));
    }

    @Test
    void updatePhoneDecodesToUpdatePhoneWithTrimmedFields() {
        assertEquals(new CustomerDirectoryRequest.UpdatePhone("Zed", "901-0001"), request("6 |Zed| 901-0001\n"));
    }

    @Test
    void reportDecodesToReport() {
        assertInstanceOf(CustomerDirectoryRequest.Report.class, request("7\n"));
        assertInstanceOf(CustomerDirectoryRequest.Report.class, request("  7 \r\n"));
    }

    @Test
    void exportDecodesToExport() {
        assertEquals(new CustomerDirectoryRequest.Export(), request("8\n"));
    }

    @Test
    void carriageReturnBeforeNewlineIsTrimmedAway() {
        assertEquals(new CustomerDirectoryRequest.Find("John"), request("1|John\r\n"));
    }

    // ---- framing ------------------------------------------------------------------------------

    @Test
    void requestFedOneByteAtATimeNeedsMoreUntilTheNewline() {
        byte[] bytes = utf8("2 | Wu | 44 | 9 Elm | 426-0000 \n");
        Decoded<CustomerDirectoryRequest> last = feedByteByByte(bytes);
        assertEquals(new Decoded.Request<CustomerDirectoryRequest>(
                new CustomerDirectoryRequest.Add("2 | Wu | 44 | 9 Elm | 426-0000", "Wu", "44", "9 Elm", "426-0000")), last);
    }

    @Test
    void multiByteCharacterSplitAcrossChunksDecodesAsOneCharacter() {
        Decoded<CustomerDirectoryRequest> last = feedByteByByte(utf8("1|Jörg\n"));
        assertEquals(new Decoded.Request<CustomerDirectoryRequest>(new CustomerDirectoryRequest.Find("Jörg")), last);
    }

    @Test
    void emptyBufferNeedsMore() {
        ByteBuffer buffer = ByteBuffer.allocate(0);
        assertInstanceOf(Decoded.NeedMore.class, codec.decode(buffer));
        assertEquals(0, buffer.position());
    }

    @Test
    void partialLineNeedsMoreAndLeavesTheBufferAsItWas() {
        ByteBuffer buffer = ByteBuffer.wrap(utf8("1|Jo"));
        assertInstanceOf(Decoded.NeedMore.class, codec.decode(buffer));
        assertEquals(0, buffer.position());
        assertEquals(4, buffer.limit());
    }

    @Test
    void lineOfExactlyTheLimitThenNewlineIsAccepted() {
        String name = "n".repeat(LIMIT - 2);
        byte[] bytes = utf8("1|" + name + "\n");
        assertEquals(LIMIT + 1, bytes.length);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertEquals(new Decoded.Request<CustomerDirectoryRequest>(new CustomerDirectoryRequest.Find(name)), codec.decode(buffer));
        assertEquals(bytes.length, buffer.position());
    }

    @Test
    void limitCountsBytesNotCharacters() {
        String name = "é".repeat((LIMIT - 2) / 2);
        byte[] accepted = utf8("1|" + name + "\n");
        assertEquals(LIMIT + 1, accepted.length);
        assertInstanceOf(Decoded.Request.class, codec.decode(ByteBuffer.wrap(accepted)));

        byte[] tooLong = utf8("1|" + name + "é\n");
        assertAnswer("Input too long...", codec.decode(ByteBuffer.wrap(tooLong)));
    }

    @Test
    void lineLongerThanLimitIsAnsweredTooLongAndClosed() {
        byte[] bytes = new byte[LIMIT + 1];
        Arrays.fill(bytes, (byte) 'x');
        assertAnswer("Input too long...", codec.decode(ByteBuffer.wrap(bytes)));
    }

    @Test
    void lineLongerThanLimitIsTooLongEvenWhenItsNewlineHasArrived() {
        byte[] bytes = utf8("x".repeat(LIMIT + 1) + "\n");
        assertAnswer("Input too long...", codec.decode(ByteBuffer.wrap(bytes)));
    }

    @Test
    void tooLongIsAnsweredWhenTheLimitIsCrossedByteByByte() {
        byte[] bytes = new byte[LIMIT + 1];
        Arrays.fill(bytes, (byte) 'x');
        assertAnswer("Input too long...", feedByteByByte(bytes));
    }

    @Test
    void lineUpToTheLimitWithoutNewlineNeedsMore() {
        byte[] bytes = new byte[LIMIT];
        Arrays.fill(bytes, (byte) 'x');
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertInstanceOf(Decoded.NeedMore.class, codec.decode(buffer));
        assertEquals(0, buffer.position());
    }

    @Test
    void smallerLimitIsHonoured() {
        ConnectionCodec<CustomerDirectoryRequest, CustomerDirectoryReply> small = CustomerDirectorySession.codec(4);
        assertInstanceOf(Decoded.Request.class, small.decode(ByteBuffer.wrap(utf8("1|ab\n"))));
        assertInstanceOf(Decoded.NeedMore.class, small.decode(ByteBuffer.wrap(utf8("1|ab"))));
        assertAnswer("Input too long...", small.decode(ByteBuffer.wrap(utf8("1|abc"))));
    }

    @Test
    void nonPositiveLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CustomerDirectorySession.codec(0));
    }

    @Test
    void bytesAfterTheFirstNewlineAreLeftUnconsumed() {
        byte[] bytes = utf8("1|John\nextra stuff after newline\n");
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertEquals(new Decoded.Request<CustomerDirectoryRequest>(new CustomerDirectoryRequest.Find("John")), codec.decode(buffer));
        assertEquals("1|John\n".length(), buffer.position());
        assertEquals(bytes.length, buffer.limit());
    }

    @Test
    void decodingStartsAtTheBufferPosition() {
        ByteBuffer buffer = ByteBuffer.wrap(utf8("junk1|John\n"));
        buffer.position(4);
        assertEquals(new Decoded.Request<CustomerDirectoryRequest>(new CustomerDirectoryRequest.Find("John")), codec.decode(buffer));
        assertEquals(buffer.limit(), buffer.position());
    }

    // ---- garbage ------------------------------------------------------------------------------

    @Test
    void invalidUtf8ByteDecodesToReplacementCharacter() {
        byte[] bytes = {'1', '|', 'J', 'o', (byte) 0xFF, 'h', 'n', '\n'};
        assertEquals(new CustomerDirectoryRequest.Find("Jo\uFFFDhn"), request(bytes));
        byte[] surrogate = {'1', '|', 'Q', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'Q', '\n'};
        assertEquals(new CustomerDirectoryRequest.Find("Q\uFFFD\uFFFD\uFFFDQ"), request(surrogate),
                "as Python's bytes.decode('utf-8', 'replace'): one U+FFFD per byte of an encoded surrogate");
    }

    @Test
    void binaryJunkIsAnsweredInvalidChoice() {
        byte[] bytes = {0x00, 0x01, (byte) 0xFE, 0x7F, (byte) 0xC3, 0x1B, '\n'};
        assertAnswer("invalid choice...\n", codec.decode(ByteBuffer.wrap(bytes)));
    }

    @Test
    void unknownCommandIsAnsweredInvalidChoice() {
        assertAnswer("invalid choice...\n", decode("9\n"));
        assertAnswer("invalid choice...\n", decode("abc\n"));
        assertAnswer("invalid choice...\n", decode("12|John\n"));
        assertAnswer("invalid choice...\n", decode("|1|John\n"));
    }

    @Test
    void emptyLineIsAnsweredEmptyMessage() {
        assertAnswer("Empty message received...", decode("\n"));
    }

    @Test
    void blankLineIsAnsweredEmptyMessage() {
        assertAnswer("Empty message received...", decode("   \t \r\n"));
    }

    @Test
    void wrongFieldCountIsAnsweredFormatMismatch() {
        for (String line : List.of("1\n", "1|a|b\n", "3\n", "3|a|b\n", "4|Zed\n", "4|Zed|1|2\n", "5|Zed\n", "6|Zed\n", "6|Zed|1|2\n")) {
            assertAnswer("Input formate dismatch", decode(line));
        }
    }

    @Test
    void wrongFieldCountForAddIsAnsweredFormatMismatchWithPeriod() {
        assertAnswer("Input formate dismatch.", decode("2|Xi|12\n"));
        assertAnswer("Input formate dismatch.", decode("2\n"));
        assertAnswer("Input formate dismatch.", decode("2|a|b|c|d|e\n"));
    }

    @Test
    void everyAnswerIsAFreshCopy() {
        Decoded.Answer<?> first = assertInstanceOf(Decoded.Answer.class, decode("\n"));
        first.reply()[0] = 'X';
        assertAnswer("Empty message received...", decode("\n"));
    }

    // ---- the codec's own replies -----------------------------------------------------------

    @Test
    void timedOutIncompleteAndGreetingAreTheReferenceTexts() {
        assertEquals("Request timed out waiting for delimiter.", text(codec.session().timedOut()));
        assertEquals("Incomplete request (connection closed before delimiter).", text(codec.session().incomplete()));
        assertEquals(0, codec.session().greeting().length);
        assertTrue(codec.session().oneRequestPerConnection());
        assertEquals("Server error occurred", text(encode(codec, codec.session().serverError())));
    }

    // ---- encoding -----------------------------------------------------------------------------

    @Test
    void customerIsEncodedAsItsFieldsJoinedByBars() {
        assertEquals("John|43|123 Apple Street|514-4287", rendered(new Customer("John", "43", "123 Apple Street", "514-4287")));
        assertEquals("Yan||No age|", rendered(new Customer("Yan", "", "No age", "")));
    }

    @Test
    void notFoundIsEncodedWithoutArticle() {
        assertEquals("Nobody is not found in database", rendered(new CustomerDirectoryReply.NotFound("Nobody")));
    }

    @Test
    void errorRepliesEchoAtMostTheReferenceLineOfAValueWhateverTheLineLimit() {
        String line = "x".repeat(CustomerDirectorySession.MAX_ECHO);
        assertEquals(line + " is not found in database", rendered(new CustomerDirectoryReply.NotFound(line)), "a 512-byte line is echoed whole");
        String huge = "y".repeat(100_000);
        String cut = "y".repeat(CustomerDirectorySession.MAX_ECHO) + "...";
        assertEquals(cut + " is not found in database", rendered(new CustomerDirectoryReply.NotFound(huge)));
        assertEquals(cut + " is not found in the database", rendered(new CustomerDirectoryReply.NotFoundToDelete(huge)));
        assertEquals(cut + " already stored in the database", rendered(new CustomerDirectoryReply.AlreadyStored(huge)));
        assertEquals("DB read error. Adding skipped [invalid age field]: " + cut,
                rendered(new CustomerDirectoryReply.Skipped(Operation.ADDING, "invalid age field", List.of(huge))));
        assertEquals("DB read error. Adding skipped [null key field]: ['', '" + cut + "', '', '']",
                rendered(new CustomerDirectoryReply.Skipped(Operation.ADDING, "null key field", List.of("", huge, "", ""))));
    }

    @Test
    void notFoundToDeleteIsEncodedWithArticle() {
        assertEquals("Zed is not found in the database", rendered(new CustomerDirectoryReply.NotFoundToDelete("Zed")));
    }

    @Test
    void addedEchoesTheRequestLine() {
        assertEquals("2 | Wu | 44 | 9 Elm | 426-0000 added to the database",
                rendered(new CustomerDirectoryReply.Added("2 | Wu | 44 | 9 Elm | 426-0000")));
    }

    @Test
    void alreadyStoredNamesTheCustomer() {
        assertEquals("zed already stored in the database", rendered(new CustomerDirectoryReply.AlreadyStored("zed")));
    }

    @Test
    void deletedNamesTheCustomer() {
        assertEquals("zed deleted from the database", rendered(new CustomerDirectoryReply.Deleted("zed")));
    }

    @Test
    void nameEmptyIsEncodedAsReferenceText() {
        assertEquals("Customer name is empty.", rendered(new CustomerDirectoryReply.NameEmpty()));
    }

    @Test
    void updatedNamesTheFieldInTheReferenceWords() {
        assertEquals("zed's age is updated to the database", rendered(new CustomerDirectoryReply.Updated("zed", Field.AGE)));
        assertEquals("ZED's address is updated to the database", rendered(new CustomerDirectoryReply.Updated("ZED", Field.ADDRESS)));
        assertEquals("Zed's phone number is updated to the database", rendered(new CustomerDirectoryReply.Updated("Zed", Field.PHONE)));
    }

    @Test
    void skippedWithOneValueWritesItAsIs() {
        assertEquals("DB read error. Adding skipped [invalid age formate]: abc",
                rendered(new CustomerDirectoryReply.Skipped(Operation.ADDING, "invalid age formate", List.of("abc"))));
        assertEquals("DB read error. Update skipped [invalid age field]: 200",
                rendered(new CustomerDirectoryReply.Skipped(Operation.UPDATE, "invalid age field", List.of("200"))));
        assertEquals("DB read error. Adding skipped [invalid phone field]: it's",
                rendered(new CustomerDirectoryReply.Skipped(Operation.ADDING, "invalid phone field", List.of("it's"))));
    }

    @Test
    void skippedWithSeveralValuesWritesThemAsPythonList() {
        assertEquals("DB read error. Adding skipped [null key field]: ['', '30', 'a', '514-1234']",
                rendered(new CustomerDirectoryReply.Skipped(Operation.ADDING, "null key field", List.of("", "30", "a", "514-1234"))));
        assertEquals("DB read error. Update skipped [invalid age formate]: ['Zed', 'x1']",
                rendered(new CustomerDirectoryReply.Skipped(Operation.UPDATE, "invalid age formate", List.of("Zed", "x1"))));
    }

    @Test
    void exportedIsEncodedWithTrailingNewline() {
        assertEquals("File update successful.\n", rendered(new CustomerDirectoryReply.Exported()));
    }

    @Test
    void serverErrorIsEncodedAsGenericText() {
        assertEquals("Server error occurred", rendered(new CustomerDirectoryReply.ServerError()));
    }

    @Test
    void nonAsciiRepliesAreEncodedAsUtf8() {
        assertArrayEquals(HexFormat.of().parseHex("4a6fefbfbd686e206973206e6f7420666f756e6420696e206461746162617365"),
                encode(codec, new CustomerDirectoryReply.NotFound("Jo\uFFFDhn")));
    }

    @Test
    void emptyReportIsTheHeaderOnly() {
        String indent = " ".repeat(16);
        String header = "\n" + indent + "\n++    \n" + indent + "\n++  DB Report\n" + indent + "\n++\n" + indent
                + "\nName            Age            address                       Phone Number\n" + indent
                + "\n-------------------------------------------------------------------------\n";
        assertEquals(header, report(List.of()));
    }

    @Test
    void reportEqualsTheReferenceBytesOfVector39() throws IOException {
        List<Customer> customers = List.of(
                new Customer("123", "50", "Numeric name allowed", "394-7777"),
                new Customer("Ahmad", "91", "1888 Pepper Lane", "394-1234"),
                new Customer("Alice", "", "123 Maple", "514-1234"),
                new Customer("Bob", "35", "Addr", ""),
                new Customer("Carl", "", "22 River St", "514-4444"),
                new Customer("Ivy", "1", "One Ave", "426-1111"),
                new Customer("John", "43", "123 Apple Street", "514-4287"),
                new Customer("Katya", "26", "49 Queen Mary Road", "514-7654"),
                new Customer("Lisa", "35", "", "514-2222"),
                new Customer("Max", "120", "Hill Road", "901-9999"),
                new Customer("Tom", "40", "No phone given", ""),
                new Customer("Wu", "44", "9 Elm", "426-0000"),
                new Customer("Yan", "", "No age", ""));
        Vector vector = vectors().get(39);
        assertEquals("7\n", text(vector.request()));
        assertArrayEquals(vector.reply(), report(customers).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reportCutsLongNamesAndAddressesAndPadsByCodePoints() {
        String rendered = report(List.of(
                new Customer("Maximilianus", "7", "A very long street name indeed", "514-0000"),
                new Customer("Zoë😀", "", "Rue 😀", "")));
        String[] lines = rendered.split("\n", -1);
        assertEquals("Maximilian" + " ".repeat(5) + " " + "7" + " ".repeat(14) + "A very long street na" + " ".repeat(9) + "514-0000",
                lines[lines.length - 3]);
        assertEquals("Zoë😀" + " ".repeat(11) + " " + " ".repeat(15) + "Rue 😀" + " ".repeat(25), lines[lines.length - 2]);
        assertEquals("", lines[lines.length - 1]);
    }

    @Test
    void reportStreamWritesTheHeaderWithTheFirstCustomerAndEachLineAsItIsSent() {
        List<String> writes = new ArrayList<>();
        codec.session().streamTo(bytes -> writes.add(new String(bytes, StandardCharsets.UTF_8)));
        CustomerDirectoryRequest.Report report = assertInstanceOf(CustomerDirectoryRequest.Report.class, request("7\n"));
        assertEquals(List.of(), writes, "nothing before the first customer");

        report.customers().send(new Customer("Ann", "1", "A St", "514-0001"));
        report.customers().send(new Customer("Bo", "", "", ""));

        assertEquals(3, writes.size());
        assertTrue(writes.get(0).endsWith("-------------------------------------------------------------------------\n"), writes.get(0));
        assertEquals("Ann" + " ".repeat(12) + " 1" + " ".repeat(14) + "A St" + " ".repeat(26) + "514-0001\n", writes.get(1));
        assertEquals("Bo" + " ".repeat(13) + " " + " ".repeat(45) + "\n", writes.get(2));
        assertArrayEquals(new byte[0], encode(codec, new CustomerDirectoryReply.ReportComplete()), "the end adds nothing once the header went out");
    }

    @Test
    void reportOfACodecWithoutConnectionFailsAtItsFirstCustomer() {
        CustomerDirectoryRequest.Report report = assertInstanceOf(CustomerDirectoryRequest.Report.class, request("7\n"));
        assertThrows(IllegalStateException.class, () -> report.customers().send(new Customer("Ann", "", "", "")));
    }

    /** The report's bytes as a connection receives them: the streamed parts, then the end's bytes. */
    private String report(List<Customer> customers) {
        StringBuilder received = new StringBuilder();
        codec.session().streamTo(bytes -> received.append(new String(bytes, StandardCharsets.UTF_8)));
        CustomerDirectoryRequest.Report report = assertInstanceOf(CustomerDirectoryRequest.Report.class, request("7\n"));
        customers.forEach(report.customers()::send);
        return received + rendered(new CustomerDirectoryReply.ReportComplete());
    }

    // ---- conformance vectors ---------------------------------------------------------------

    /** The replies the codec gives without the application; every other vector must reach the application. */
    private static final Set<String> CODEC_REPLIES = Set.of(
            "Empty message received...", "invalid choice...\n", "Input formate dismatch", "Input formate dismatch.");

    @ParameterizedTest(name = "vector {0}")
    @MethodSource("vectorArguments")
    void vectorIsAnsweredByTheCodecExactlyWhenItsReplyIsASyntaxAnswer(int index, byte[] request, byte[] reply) {
        ByteBuffer buffer = ByteBuffer.wrap(request);
        Decoded<CustomerDirectoryRequest> decoded = codec.decode(buffer);
        if (CODEC_REPLIES.contains(text(reply))) {
            Decoded.Answer<?> answer = assertInstanceOf(Decoded.Answer.class, decoded, "vector " + index);
            assertArrayEquals(reply, answer.reply(), "vector " + index);
            assertTrue(answer.close(), "vector " + index);
        } else {
            assertInstanceOf(Decoded.Request.class, decoded, "vector " + index);
        }
        assertEquals(indexOfNewline(request) + 1, buffer.position(), "vector " + index + " consumes up to its first newline");
    }

    @Test
    void vectorsFileHoldsAllFortyTwoCasesAndNineAreCodecAnswers() throws IOException {
        List<Vector> vectors = vectors();
        assertEquals(42, vectors.size());
        assertEquals(9, vectors.stream().filter(v -> CODEC_REPLIES.contains(text(v.reply()))).count());
    }

    static Stream<Arguments> vectorArguments() throws IOException {
        List<Vector> vectors = vectors();
        List<Arguments> arguments = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            arguments.add(Arguments.of(i, vectors.get(i).request(), vectors.get(i).reply()));
        }
        return arguments.stream();
    }

    private record Vector(byte[] request, byte[] reply) { }

    private static final Pattern HEX_PAIR = Pattern.compile(
            "\"request_hex\"\\s*:\\s*\"([0-9a-fA-F]*)\"\\s*,\\s*\"reply_hex\"\\s*:\\s*\"([0-9a-fA-F]*)\"");

    private static List<Vector> vectors() throws IOException {
        String json = Files.readString(VECTORS, StandardCharsets.UTF_8);
        List<Vector> vectors = new ArrayList<>();
        Matcher m = HEX_PAIR.matcher(json);
        while (m.find()) {
            vectors.add(new Vector(HexFormat.of().parseHex(m.group(1)), HexFormat.of().parseHex(m.group(2))));
        }
        return vectors;
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Feeds bytes one at a time into a growing buffer, as the transport does; every call before the last needs more. */
    private Decoded<CustomerDirectoryRequest> feedByteByByte(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            buffer.put(bytes[i]);
            buffer.flip();
            Decoded<CustomerDirectoryRequest> decoded = codec.decode(buffer);
            if (i == bytes.length - 1) {
                return decoded;
            }
            assertInstanceOf(Decoded.NeedMore.class, decoded, "after byte " + i);
            assertEquals(0, buffer.position(), "NeedMore leaves the buffer as it was");
            assertEquals(i + 1, buffer.limit(), "NeedMore leaves the buffer as it was");
            buffer.compact();
        }
        throw new IllegalArgumentException("no bytes");
    }

    private CustomerDirectoryRequest request(String line) {
        return request(utf8(line));
    }

    private CustomerDirectoryRequest request(byte[] bytes) {
        Decoded<CustomerDirectoryRequest> decoded = codec.decode(ByteBuffer.wrap(bytes));
        Decoded.Request<?> request = assertInstanceOf(Decoded.Request.class, decoded, () -> "not a request: " + decoded);
        return (CustomerDirectoryRequest) request.request();
    }

    private Decoded<CustomerDirectoryRequest> decode(String line) {
        return codec.decode(ByteBuffer.wrap(utf8(line)));
    }

    private static void assertAnswer(String expected, Decoded<?> decoded) {
        Decoded.Answer<?> answer = assertInstanceOf(Decoded.Answer.class, decoded, () -> "not an answer: " + decoded);
        assertEquals(expected, text(answer.reply()));
        assertTrue(answer.close(), "the connection closes after the answer");
    }

    private String rendered(CustomerDirectoryReply reply) {
        return text(encode(codec, reply));
    }

    private static int indexOfNewline(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

}
