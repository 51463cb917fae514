package dev.portico.domain.customer;

/** The orders a customer listing offers; each is read in the order of an index (see V1 and V5). */
public enum CustomerOrder {
    /** By lower-cased name, as the report (command 7) lists them. */
    NAME_ASCENDING,
    NAME_DESCENDING,
    /** By age, customers without an age first, then in the order they were added. */
    AGE_ASCENDING,
    AGE_DESCENDING
}
