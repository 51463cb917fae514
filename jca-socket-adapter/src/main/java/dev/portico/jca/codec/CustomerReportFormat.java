package dev.portico.jca.codec;

import dev.portico.jca.api.CustomerDirectoryReply.Customer;

/** The fixed-width text of the customer directory report (command 7), byte-exact with the reference server. */
final class CustomerReportFormat {

    private static final String INDENT = " ".repeat(16);
    static final String HEADER = "\n" + INDENT + "\n++    \n" + INDENT + "\n++  DB Report\n" + INDENT + "\n++\n" + INDENT
            + "\nName            Age            address                       Phone Number\n" + INDENT
            + "\n-------------------------------------------------------------------------\n";

    private CustomerReportFormat() {
    }

    /** One customer's line, ending in {@code \n}. */
    static String line(Customer c) {
        return pad(cut(c.name(), 10), 15) + ' ' + pad(c.age(), 15) + pad(cut(c.address(), 21), 30) + c.phone() + '\n';
    }

    /** The first {@code max} code points, as Python's slicing counts them. */
    private static String cut(String value, int max) {
        return value.codePointCount(0, value.length()) <= max ? value : value.substring(0, value.offsetByCodePoints(0, max));
    }

    /** Left-justified to {@code width} code points, as Python's {@code ljust}. */
    private static String pad(String value, int width) {
        int length = value.codePointCount(0, value.length());
        return length >= width ? value : value + " ".repeat(width - length);
    }
}
