package dev.portico.web.console;

import dev.portico.domain.customer.CustomerProblem;
import dev.portico.domain.customer.InvalidCustomerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console's messages are the customer directory listener's answers, word for word (shared/protocols/customer-directory.md). */
class CustomerRepliesTest {

    @Test
    void addAnswersEchoTheRequestLineOrNameTheTakenName() {
        assertEquals("2|John|43|123 Apple Street|514-4287 added to the database", CustomerReplies.added("2|John|43|123 Apple Street|514-4287"));
        assertEquals("john already stored in the database", CustomerReplies.alreadyStored("john"));
    }

    @Test
    void anAddWithoutANameListsTheFourFieldsAsPythonDoes() {
        InvalidCustomerException e = new InvalidCustomerException(CustomerProblem.EMPTY_NAME, "");
        assertEquals("DB read error. Adding skipped [null key field]: ['', '30', 'a', '514-1234']",
                CustomerReplies.addRefused(e, "", "30", "a", "514-1234"));
        assertEquals("DB read error. Adding skipped [null key field]: ['', '', \"O'Hara St\", '']",
                CustomerReplies.addRefused(e, "", "", "O'Hara St", ""));
    }

    @Test
    void aLineBreakInANameOrAddressIsAnsweredAsTheSocketAnswersIt() {
        InvalidCustomerException e = new InvalidCustomerException(CustomerProblem.LINE_BREAK, "a\u000cb");
        assertEquals("DB read error. Adding skipped [line break in field]: ['Zed', '30', 'a\\x0cb', '']",
                CustomerReplies.addRefused(e, "Zed", "30", "a\u000cb", ""));
        assertEquals("DB read error. Update skipped [line break in field]: ['Zed', 'a\\x0cb']", CustomerReplies.addressRefused(e, "Zed", "a\u000cb"));
    }

    @Test
    void otherRefusedAddsShowTheOffendingValue() {
        assertEquals("DB read error. Adding skipped [invalid age formate]: 4x",
                CustomerReplies.addRefused(new InvalidCustomerException(CustomerProblem.AGE_NOT_A_NUMBER, "4x"), "A", "4x", "", ""));
        assertEquals("DB read error. Adding skipped [invalid age field]: 121",
                CustomerReplies.addRefused(new InvalidCustomerException(CustomerProblem.AGE_OUT_OF_RANGE, "121"), "A", "121", "", ""));
        assertEquals("DB read error. Adding skipped [invalid phone field]: 555-1234",
                CustomerReplies.addRefused(new InvalidCustomerException(CustomerProblem.INVALID_PHONE, "555-1234"), "A", "", "", "555-1234"));
    }

    @Test
    void refusedUpdatesUseTheReferenceServersWording() {
        assertEquals("DB read error. Update skipped [invalid age formate]: ['John', 'abc']",
                CustomerReplies.ageRefused(new InvalidCustomerException(CustomerProblem.AGE_NOT_A_NUMBER, "abc"), "John", "abc"));
        assertEquals("DB read error. Update skipped [invalid age field]: 0",
                CustomerReplies.ageRefused(new InvalidCustomerException(CustomerProblem.AGE_OUT_OF_RANGE, "0"), "John", "0"));
        assertEquals("DB read error. Adding skipped [invalid phone field]: 12",
                CustomerReplies.phoneRefused(new InvalidCustomerException(CustomerProblem.INVALID_PHONE, "12")));
    }

    @Test
    void updateDeleteAndNotFoundAnswers() {
        assertEquals("John's age is updated to the database", CustomerReplies.ageUpdated("John"));
        assertEquals("John's address is updated to the database", CustomerReplies.addressUpdated("John"));
        assertEquals("John's phone number is updated to the database", CustomerReplies.phoneUpdated("John"));
        assertEquals("John deleted from the database", CustomerReplies.deleted("John"));
        assertEquals("John is not found in database", CustomerReplies.notFound("John"));
        assertEquals("John is not found in the database", CustomerReplies.notFoundToDelete("John"));
    }

    @Test
    void fieldsListedInARefusalEscapeQuotesAndBackslashesAsPythonsRepr() {
        InvalidCustomerException e = new InvalidCustomerException(CustomerProblem.EMPTY_NAME, "");
        assertEquals("DB read error. Adding skipped [null key field]: ['', 'a\\\\b', 'it\\'s \"x\"', '\\t']",
                CustomerReplies.addRefused(e, "", "a\\b", "it's \"x\"", "\t"));
    }

    /** Python's repr writes \n and \r by name and every other line break as a hex escape, as the socket's reply does. */
    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"000A, \\n", "000D, \\r", "0085, \\x85", "2028, \\u2028", "2029, \\u2029"})
    void aLineBreakInAnAddressIsWrittenAsPythonsReprWritesIt(String hex, String escape) {
        String address = "x" + Character.toString(Integer.parseInt(hex, 16)) + "y";
        InvalidCustomerException e = new InvalidCustomerException(CustomerProblem.LINE_BREAK, address);
        assertEquals("DB read error. Update skipped [line break in field]: ['Zed', 'x" + escape + "y']", CustomerReplies.addressRefused(e, "Zed", address));
    }
}
