package dev.portico.domain.customer;

import dev.portico.text.PythonText;

import java.util.Arrays;
import java.util.List;

/** One line of the customer data file, {@code name|age|address|phone}. */
public final class CustomerFileLine {

    private CustomerFileLine() {
    }

    /** The customer a line describes; fields are stripped as Python strips them, and checked in the import order. */
    public static Customer parse(String line) throws InvalidCustomerException {
        List<String> fields = Arrays.stream(line.split("\\|", -1)).map(PythonText::strip).toList();
        if (fields.size() != 4) {
            throw new InvalidCustomerException(CustomerProblem.WRONG_FIELD_COUNT, line);
        }
        return CustomerRules.newCustomer(fields.get(0), fields.get(1), fields.get(2), fields.get(3));
    }

    /**
     * The line for a stored customer. A line break in a field (stored before they were refused, see
     * {@link CustomerRules#oneLine}) is written as a space, so the line stays one record for every reader.
     */
    public static String format(Customer customer) {
        return String.join("|", text(customer.name()), text(customer.age()), text(customer.address()), text(customer.phone()));
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        if (value.codePoints().noneMatch(PythonText::isLineBreak)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> out.appendCodePoint(PythonText.isLineBreak(cp) ? ' ' : cp));
        return out.toString();
    }
}
