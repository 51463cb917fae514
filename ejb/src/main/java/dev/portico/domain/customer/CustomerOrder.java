package dev.portico.domain.customer;

/** The orders a customer listing offers; each is read in the order of an index (see V1 and V5). */
public enum CustomerOrder {
    /** By lower-cased name, as the report (command 7) lists them. */
    NAME_ASCENDING,
    NAME_DESCENDING,
    /** By age, customers without an age first, then in the order they were added. */
    AGE_ASCENDING,
    AGE_DESCENDING;

    /** The same order from the other end (customers without an age then last, equal ages newest first). */
    public CustomerOrder reversed() {
        return switch (this) {
            case NAME_ASCENDING -> NAME_DESCENDING;
            case NAME_DESCENDING -> NAME_ASCENDING;
            case AGE_ASCENDING -> AGE_DESCENDING;
            case AGE_DESCENDING -> AGE_ASCENDING;
        };
    }
}
