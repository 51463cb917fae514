package dev.portico.domain.customer;

import dev.portico.text.PythonText;

import java.util.regex.Pattern;

/** The rules a customer's fields follow; each check returns the stored value or names the problem. */
public final class CustomerRules {

    public static final int MIN_AGE = 1;
    public static final int MAX_AGE = 120;
    /** The longest age text stored (leading zeros are kept as written, as the reference kept them). */
    public static final int MAX_AGE_TEXT = 512;
    /** The most characters of a name or an address (the columns' VARCHAR(512)). */
    public static final int MAX_TEXT = 512;
    /** The most characters of a name's key ({@link Customer#keyOf}; the column's VARCHAR(768)). */
    public static final int MAX_KEY = 768;
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern PHONE = Pattern.compile("(394|426|901|514)-[0-9]{4}");

    private CustomerRules() {
    }

    /** The name, which must not be empty. */
    public static String name(String name) throws InvalidCustomerException {
        if (name.isEmpty()) {
            throw new InvalidCustomerException(CustomerProblem.EMPTY_NAME, name);
        }
        return name;
    }

    /**
     * The age as written ({@code 045} stays {@code 045}, as the reference stored the text it was sent),
     * or {@code null} for an empty one; otherwise ASCII digits whose value is within 1..120.
     */
    public static String age(String age) throws InvalidCustomerException {
        if (age.isEmpty()) {
            return null;
        }
        if (!DIGITS.matcher(age).matches()) {
            throw new InvalidCustomerException(CustomerProblem.AGE_NOT_A_NUMBER, age);
        }
        String significant = age.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 3 || Integer.parseInt(significant) < MIN_AGE || Integer.parseInt(significant) > MAX_AGE
                || age.length() > MAX_AGE_TEXT) {
            throw new InvalidCustomerException(CustomerProblem.AGE_OUT_OF_RANGE, age);
        }
        return age;
    }

    /** The phone, or {@code null} for an empty one; otherwise {@code 394|426|901|514} then {@code -} and four digits. */
    public static String phone(String phone) throws InvalidCustomerException {
        if (phone.isEmpty()) {
            return null;
        }
        if (!PHONE.matcher(phone).matches()) {
            throw new InvalidCustomerException(CustomerProblem.INVALID_PHONE, phone);
        }
        return phone;
    }

    /** The address, or {@code null} for an empty one; otherwise one field of a record ({@link #recordField}). */
    public static String address(String address) throws InvalidCustomerException {
        return address.isEmpty() ? null : recordField(address);
    }

    /**
     * A name or an address as one field of one record: no line break ({@link #oneLine}), no {@code |}
     * (FIELD_SEPARATOR), at most {@link #MAX_TEXT} characters (TOO_LONG). Only the API and the console's import can
     * send the last two: the socket splits a request at {@code |} and reads 512 bytes at most by default.
     */
    public static String recordField(String field) throws InvalidCustomerException {
        oneLine(field);
        if (field.indexOf('|') >= 0) {
            throw new InvalidCustomerException(CustomerProblem.FIELD_SEPARATOR, field);
        }
        if (field.codePointCount(0, field.length()) > MAX_TEXT) {
            throw new InvalidCustomerException(CustomerProblem.TOO_LONG, field);
        }
        return field;
    }

    /**
     * The field, which must not hold a line break: any separator of Python's {@code str.splitlines()}
     * (LF, CR, U+000B, U+000C, U+001C to U+001E, U+0085, U+2028, U+2029), so that every reader of the
     * data file, universal newlines or {@code splitlines()}, sees one record a line. The reference stored
     * such fields and then wrote a data file it read back as two records.
     */
    public static String oneLine(String field) throws InvalidCustomerException {
        if (field.codePoints().anyMatch(PythonText::isLineBreak)) {
            throw new InvalidCustomerException(CustomerProblem.LINE_BREAK, field);
        }
        return field;
    }

    /**
     * A new customer from raw (trimmed) fields, checked in the reference order (name, age, phone),
     * then the name and the address as fields of a record ({@link #recordField}) and the name's key's length.
     */
    public static Customer newCustomer(String name, String age, String address, String phone) throws InvalidCustomerException {
        String checkedName = name(name);
        String checkedAge = age(age);
        String checkedPhone = phone(phone);
        recordField(checkedName);
        String checkedAddress = address(address);
        String key = Customer.keyOf(checkedName);
        if (key.codePointCount(0, key.length()) > MAX_KEY) {
            throw new InvalidCustomerException(CustomerProblem.TOO_LONG, checkedName);
        }
        return new Customer(checkedName, checkedAge, checkedAddress, checkedPhone);
    }
}
