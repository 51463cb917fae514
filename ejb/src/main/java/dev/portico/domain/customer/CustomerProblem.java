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
    /**
     * Not a reference reason: a name or address holding {@code |}, the protocol's field separator; no socket client
     * can send one, and the data file would read it back as another field count.
     */
    FIELD_SEPARATOR("| in field"),
    /**
     * Not a reference reason: a name or address of more than 512 characters, or a name whose key (Python's
     * {@code str.lower()}, which can lengthen it) is over 768: more than the record stores.
     */
    TOO_LONG("field too long"),
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
