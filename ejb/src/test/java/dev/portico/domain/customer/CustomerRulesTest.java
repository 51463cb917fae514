package dev.portico.domain.customer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The field rules of a customer, as the reference server applied them. */
class CustomerRulesTest {

    // ---- name ---------------------------------------------------------------------------------

    @Test
    void nonEmptyNameIsKeptAsGiven() throws InvalidCustomerException {
        assertEquals("McDonald", CustomerRules.name("McDonald"));
        assertEquals("123", CustomerRules.name("123"));
    }

    @Test
    void emptyNameIsRejectedAsEmptyName() {
        assertProblem(CustomerProblem.EMPTY_NAME, "", () -> CustomerRules.name(""));
    }

    // ---- age ----------------------------------------------------------------------------------

    @Test
    void emptyAgeIsAbsent() throws InvalidCustomerException {
        assertNull(CustomerRules.age(""));
    }

    @Test
    void agesFromOneToOneHundredTwentyAreAccepted() throws InvalidCustomerException {
        for (int age = CustomerRules.MIN_AGE; age <= CustomerRules.MAX_AGE; age++) {
            assertEquals(Integer.toString(age), CustomerRules.age(Integer.toString(age)));
        }
    }

    @Test
    void leadingZerosAreReadAsPythonIntReadsThemAndKeptAsWritten() throws InvalidCustomerException {
        assertEquals("007", CustomerRules.age("007"));
        assertEquals("0120", CustomerRules.age("0120"));
        assertEquals("045", CustomerRules.newCustomer("Xi", "045", "", "").age(), "the reference answers Xi|045|...");
    }

    @Test
    void anAgeLongerThanTheStoredTextIsOutOfRange() {
        String age = "0".repeat(CustomerRules.MAX_AGE_TEXT) + "45";
        assertProblem(CustomerProblem.AGE_OUT_OF_RANGE, age, () -> CustomerRules.age(age));
    }

    @Test
    void aChangedAgeIsKeptAsWrittenToo() throws InvalidCustomerException {
        Customer customer = CustomerRules.newCustomer("Xi", "45", "", "");
        customer.changeAge(CustomerRules.age("0120"));
        assertEquals("0120", customer.age());
        customer.changeAge(CustomerRules.age(""));
        assertNull(customer.age());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "00", "121", "200", "0121", "1000", "99999999999999999999"})
    void ageOutsideOneToOneHundredTwentyIsRejectedAsOutOfRange(String age) {
        assertProblem(CustomerProblem.AGE_OUT_OF_RANGE, age, () -> CustomerRules.age(age));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "twenty", "x1", "-5", "+5", "1.5", "4 2", "1e2", "١٢", "٣", "²"})
    void ageThatIsNotAsciiDigitsIsRejectedAsNotANumber(String age) {
        assertProblem(CustomerProblem.AGE_NOT_A_NUMBER, age, () -> CustomerRules.age(age));
    }

    // ---- phone --------------------------------------------------------------------------------

    @Test
    void emptyPhoneIsAbsent() throws InvalidCustomerException {
        assertNull(CustomerRules.phone(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"394-1234", "426-0000", "901-9999", "514-4287"})
    void phoneWithAnAllowedPrefixAndFourDigitsIsAccepted(String phone) throws InvalidCustomerException {
        assertEquals(phone, CustomerRules.phone(phone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5142345", "999-0000", "123-0001", "901-12A4", "394-12345", "514-123", "514 1234", "514--1234",
            "(514)-1234", "x514-1234", "514-1234x", "514-1234\n"})
    void phoneNotMatchingThePatternIsRejectedAsInvalidPhone(String phone) {
        assertProblem(CustomerProblem.INVALID_PHONE, phone, () -> CustomerRules.phone(phone));
    }

    // ---- address ------------------------------------------------------------------------------

    @Test
    void emptyAddressIsAbsentAndOtherAddressesAreKept() throws InvalidCustomerException {
        assertNull(CustomerRules.address(""));
        assertEquals("123 Apple Street", CustomerRules.address("123 Apple Street"));
    }

    // ---- a whole customer ---------------------------------------------------------------------

    @Test
    void newCustomerHoldsTheCheckedValues() throws InvalidCustomerException {
        Customer customer = CustomerRules.newCustomer("John", "43", "123 Apple Street", "514-4287");
        assertEquals("John", customer.name());
        assertEquals("43", customer.age());
        assertEquals("123 Apple Street", customer.address());
        assertEquals("514-4287", customer.phone());
    }

    @Test
    void newCustomerWithOnlyANameHasNoOptionalValues() throws InvalidCustomerException {
        Customer customer = CustomerRules.newCustomer("Yan", "", "", "");
        assertEquals("Yan", customer.name());
        assertNull(customer.age());
        assertNull(customer.address());
        assertNull(customer.phone());
    }

    @Test
    void newCustomerReportsTheFirstProblemInReferenceOrderNameAgePhone() {
        assertProblem(CustomerProblem.EMPTY_NAME, "", () -> CustomerRules.newCustomer("", "abc", "a", "999-0000"));
        assertProblem(CustomerProblem.AGE_NOT_A_NUMBER, "abc", () -> CustomerRules.newCustomer("Xi", "abc", "a", "999-0000"));
        assertProblem(CustomerProblem.AGE_OUT_OF_RANGE, "0", () -> CustomerRules.newCustomer("Xi", "0", "a", "999-0000"));
        assertProblem(CustomerProblem.INVALID_PHONE, "999-0000", () -> CustomerRules.newCustomer("Xi", "120", "a", "999-0000"));
    }

    /** Every separator of Python's str.splitlines() (universal newlines split at the first three, \r\n included). */
    static final List<String> LINE_BREAKS = List.of("\r", "\n", "\r\n", "\u000b", "\u000c", "\u001c", "\u001d", "\u001e", "\u0085", "\u2028", "\u2029");

    @Test
    void aLineBreakInTheNameOrTheAddressIsRefusedAfterTheReferenceChecks() {
        for (String lineBreak : LINE_BREAKS) {
            assertProblem(CustomerProblem.LINE_BREAK, "A" + lineBreak + "B", () -> CustomerRules.newCustomer("A" + lineBreak + "B", "30", "x", ""));
            assertProblem(CustomerProblem.LINE_BREAK, "x" + lineBreak + "y", () -> CustomerRules.newCustomer("A", "30", "x" + lineBreak + "y", ""));
            assertProblem(CustomerProblem.LINE_BREAK, "x" + lineBreak + "y", () -> CustomerRules.address("x" + lineBreak + "y"));
            assertProblem(CustomerProblem.INVALID_PHONE, "999-0000", () -> CustomerRules.newCustomer("A" + lineBreak + "B", "30", "x", "999-0000"));
        }
        assertEquals("a\u001fb\tc", assertDoesNotThrow(() -> CustomerRules.address("a\u001fb\tc")), "a unit separator or a tab splits no line");
    }

    @Test
    void aFieldSeparatorInTheNameOrTheAddressIsRefusedAsNoSocketClientCouldSendIt() {
        assertProblem(CustomerProblem.FIELD_SEPARATOR, "A|B", () -> CustomerRules.newCustomer("A|B", "30", "x", ""));
        assertProblem(CustomerProblem.FIELD_SEPARATOR, "x|y", () -> CustomerRules.newCustomer("A", "30", "x|y", ""));
        assertProblem(CustomerProblem.FIELD_SEPARATOR, "x|y", () -> CustomerRules.address("x|y"));
        assertProblem(CustomerProblem.AGE_OUT_OF_RANGE, "300", () -> CustomerRules.newCustomer("A|B", "300", "x", ""));
    }

    @Test
    void aNameOrAddressOver512CharactersOrANameWhoseKeyIsOver768IsTooLong() throws InvalidCustomerException {
        String longest = "n".repeat(CustomerRules.MAX_TEXT);
        assertEquals(longest, CustomerRules.newCustomer(longest, "", longest, "").name());
        assertProblem(CustomerProblem.TOO_LONG, longest + "n", () -> CustomerRules.newCustomer(longest + "n", "", "", ""));
        assertProblem(CustomerProblem.TOO_LONG, longest + "a", () -> CustomerRules.newCustomer("A", "", longest + "a", ""));
        assertProblem(CustomerProblem.TOO_LONG, longest + "a", () -> CustomerRules.address(longest + "a"));
        // Characters, as MariaDB counts them: 512 emoji are 1,024 UTF-16 units and fit.
        String emoji = "\ud83d\ude00".repeat(CustomerRules.MAX_TEXT);
        assertEquals(emoji, CustomerRules.address(emoji));
        // Python's lower() of U+0130 (I with a dot) is two characters: 400 of them fit the name, not the key.
        String dotted = "\u0130".repeat(400);
        assertEquals(800, Customer.keyOf(dotted).length());
        assertProblem(CustomerProblem.TOO_LONG, dotted, () -> CustomerRules.newCustomer(dotted, "", "", ""));
        assertDoesNotThrow(() -> CustomerRules.newCustomer("\u0130".repeat(384), "", "", ""));
    }

    @Test
    void problemsCarryTheReferenceReasonWords() {
        assertEquals("invalid formate", CustomerProblem.WRONG_FIELD_COUNT.reason());
        assertEquals("null key field", CustomerProblem.EMPTY_NAME.reason());
        assertEquals("invalid age formate", CustomerProblem.AGE_NOT_A_NUMBER.reason());
        assertEquals("invalid age field", CustomerProblem.AGE_OUT_OF_RANGE.reason());
        assertEquals("invalid phone field", CustomerProblem.INVALID_PHONE.reason());
        assertEquals("key/record already exists", CustomerProblem.DUPLICATE_NAME.reason());
    }

    private interface Check {
        void run() throws InvalidCustomerException;
    }

    private static void assertProblem(CustomerProblem problem, String value, Check check) {
        InvalidCustomerException e = assertThrows(InvalidCustomerException.class, check::run);
        assertEquals(problem, e.problem());
        assertEquals(value, e.value(), "the exception carries the offending value");
    }
}
