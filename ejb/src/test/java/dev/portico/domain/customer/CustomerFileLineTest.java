package dev.portico.domain.customer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Lines of the customer data file: parsing (as import does, before the duplicate check) and formatting. */
class CustomerFileLineTest {

    private static final Path FIXTURE = Path.of("../../shared/fixtures/customers-data.txt");

    @Test
    void fixtureHasElevenLinesRejectedForFormatOrFieldReasonsAndTwelveThatParse() throws IOException {
        List<String> lines = Files.readAllLines(FIXTURE, StandardCharsets.UTF_8);
        assertEquals(23, lines.size());

        Map<String, CustomerProblem> rejected = new LinkedHashMap<>();
        List<String> parsedNames = new ArrayList<>();
        for (String line : lines) {
            try {
                parsedNames.add(CustomerFileLine.parse(line).name());
            } catch (InvalidCustomerException e) {
                rejected.put(line, e.problem());
            }
        }

        Map<String, CustomerProblem> expected = new LinkedHashMap<>();
        expected.put("Bella|121|7 Elm St|426-8888", CustomerProblem.AGE_OUT_OF_RANGE);
        expected.put("|35|22 Oak Ave|901-7777", CustomerProblem.EMPTY_NAME);
        expected.put("Nina|0|55 King St|514-5555", CustomerProblem.AGE_OUT_OF_RANGE);
        expected.put("Chen|20|9 Birch St|5142345", CustomerProblem.INVALID_PHONE);
        expected.put("Diego|45|5 Lake Rd|999-0000", CustomerProblem.INVALID_PHONE);
        expected.put("Eva|30|10 Willow Dr|901-12A4", CustomerProblem.INVALID_PHONE);
        expected.put("Omar|30|Somewhere|394-12345", CustomerProblem.INVALID_PHONE);
        expected.put("Anna|twenty|Main Blvd|514-1111", CustomerProblem.AGE_NOT_A_NUMBER);
        expected.put("Ali|25|Addr|514-1111|Extra", CustomerProblem.WRONG_FIELD_COUNT);
        expected.put("Carl|abc|Addr|514-1111", CustomerProblem.AGE_NOT_A_NUMBER);
        expected.put("Frank|25|OnlyThree", CustomerProblem.WRONG_FIELD_COUNT);
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(rejected.entrySet()));

        // The second Bob parses: duplicates are the import service's job, not the line parser's.
        assertEquals(List.of("John", "Katya", "Ahmad", "Ivy", "Max", "Tom", "Lisa", "123", "Carl", "Bob", "Alice", "Bob"), parsedNames);
    }

    @Test
    void fixtureLinesThatParseFormatBackToTheSameLineWithBlankFieldsEmptied() throws IOException, InvalidCustomerException {
        for (String line : Files.readAllLines(FIXTURE, StandardCharsets.UTF_8)) {
            Customer customer;
            try {
                customer = CustomerFileLine.parse(line);
            } catch (InvalidCustomerException e) {
                continue;
            }
            String expected = line.equals("Bob|   |Addr|") ? "Bob||Addr|" : line;
            assertEquals(expected, CustomerFileLine.format(customer));
        }
    }

    @Test
    void parseTrimsEveryField() throws InvalidCustomerException {
        Customer customer = CustomerFileLine.parse("  Ann \t|  30 | 1 Main St  | 514-1234 ");
        assertEquals("Ann", customer.name());
        assertEquals("30", customer.age());
        assertEquals("1 Main St", customer.address());
        assertEquals("514-1234", customer.phone());
    }

    @Test
    void parseStripsWhatPythonCountsAsWhitespaceSoANameNeverHasEdgeSpaces() throws InvalidCustomerException {
        Customer customer = CustomerFileLine.parse("\u00a0Ann\u2007|30|\u0085 1 Main St\u202f|");
        assertEquals("Ann", customer.name());
        assertEquals("1 Main St", customer.address());
    }

    /** The characters Python's str.strip() removes and Java's String.strip() keeps: each alone at both ends of every field. */
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"00A0", "0085", "2007", "202F"})
    void parseStripsEachCharacterPythonStripsAndJavaKeeps(String hex) throws InvalidCustomerException {
        String space = Character.toString(Integer.parseInt(hex, 16));
        Customer customer = CustomerFileLine.parse(String.join("|", space + "Ann" + space, space + "30" + space,
                space + "1 Main St" + space, space + "514-1234" + space));
        assertEquals("Ann", customer.name());
        assertEquals("30", customer.age());
        assertEquals("1 Main St", customer.address());
        assertEquals("514-1234", customer.phone());
    }

    @Test
    void parseTurnsEmptyOptionalFieldsIntoAbsentValues() throws InvalidCustomerException {
        Customer tom = CustomerFileLine.parse("Tom|40|No phone given|");
        assertNull(tom.phone());
        Customer lisa = CustomerFileLine.parse("Lisa|35||514-2222");
        assertNull(lisa.address());
        Customer bob = CustomerFileLine.parse("Bob|   |Addr|");
        assertNull(bob.age());
    }

    @Test
    void wrongFieldCountCarriesTheWholeLine() {
        InvalidCustomerException e = assertThrows(InvalidCustomerException.class, () -> CustomerFileLine.parse("Frank|25|OnlyThree"));
        assertEquals(CustomerProblem.WRONG_FIELD_COUNT, e.problem());
        assertEquals("Frank|25|OnlyThree", e.value());
    }

    @Test
    void emptyLineHasTheWrongFieldCount() {
        InvalidCustomerException e = assertThrows(InvalidCustomerException.class, () -> CustomerFileLine.parse(""));
        assertEquals(CustomerProblem.WRONG_FIELD_COUNT, e.problem());
    }

    @Test
    void fieldProblemCarriesTheOffendingField() {
        InvalidCustomerException e = assertThrows(InvalidCustomerException.class, () -> CustomerFileLine.parse("Eva|30|10 Willow Dr|901-12A4"));
        assertEquals(CustomerProblem.INVALID_PHONE, e.problem());
        assertEquals("901-12A4", e.value());
    }

    @Test
    void formatWritesAbsentValuesAsEmptyFields() {
        assertEquals("Yan|||", CustomerFileLine.format(new Customer("Yan", null, null, null)));
        assertEquals("Max|120|Hill Road|901-9999", CustomerFileLine.format(new Customer("Max", "120", "Hill Road", "901-9999")));
    }

    @Test
    void aLineBreakStoredBeforeTheRuleIsExportedAsASpaceSoTheLineStaysOneRecord() throws InvalidCustomerException {
        for (String lineBreak : CustomerRulesTest.LINE_BREAKS) {
            String line = CustomerFileLine.format(new Customer("A" + lineBreak + "B", "030", "x" + lineBreak + "y", ""));
            assertEquals(lineBreak.equals("\r\n") ? "A  B|030|x  y|" : "A B|030|x y|", line);
            assertEquals(List.of(line), pythonSplitlines(line));
            assertEquals("030", CustomerFileLine.parse(line).age());
        }
    }

    @Test
    void exportedLinesReadBackAsTheSameRecordsByUniversalNewlinesAndBySplitlines() throws InvalidCustomerException {
        List<Customer> customers = List.of(new Customer("Zoë", "007", "Rue\tdu Four", "514-1234"), new Customer("İzmir", null, "a\u001fb", null),
                new Customer("ΣΊΣΥΦΟΣ", "120", null, "394-0000"));
        String file = customers.stream().map(CustomerFileLine::format).map(line -> line + "\n").reduce("", String::concat);
        for (List<String> lines : List.of(file.lines().toList(), pythonSplitlines(file))) {
            assertEquals(customers.size(), lines.size());
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(CustomerFileLine.format(customers.get(i)), CustomerFileLine.format(CustomerFileLine.parse(lines.get(i))));
            }
        }
    }

    /** Python's {@code str.splitlines()}: splits at every line break, {@code \r\n} counting as one. */
    static List<String> pythonSplitlines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if ("\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029".indexOf(text.charAt(i)) >= 0) {
                lines.add(text.substring(start, i));
                if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
