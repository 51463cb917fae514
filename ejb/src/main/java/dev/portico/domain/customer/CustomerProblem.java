package dev.portico.domain.customer;

/** Why a customer record or change is refused, with the reason word the reference server used. */
public enum CustomerProblem {
    WRONG_FIELD_COUNT("invalid formate"),
    EMPTY_NAME("null key field"),
    AGE_NOT_A_NUMBER("invalid age formate"),
    AGE_OUT_OF_RANGE("invalid age field"),
    INVALID_PHONE("invalid phone field"),
    /**
     * Not a reference reason: a name or address holding a line break (any of Python's
     * {@code str.splitlines()} separators) would split its record in the data file, so it is refused.
     */
    LINE_BREAK("line break in field"),
    DUPLICATE_NAME("key/record already exists");

    private final String reason;

    CustomerProblem(String reason) {
        this.reason = reason;
    }

    /** The bracketed reason of the legacy messages, e.g. {@code invalid age field}. */
    public String reason() {
        return reason;
    }
}
