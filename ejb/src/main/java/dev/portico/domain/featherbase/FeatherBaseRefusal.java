package dev.portico.domain.featherbase;

import jakarta.ejb.ApplicationException;

/** A FeatherBase command refused for an expected reason; nothing of it is stored. */
@ApplicationException(rollback = true)
public class FeatherBaseRefusal extends Exception {

    /** Why, in the protocol's terms. */
    public enum Reason {
        /** A database, table or row missing (NOTFOUND). */
        NOT_FOUND,
        /** A name taken (EXISTS). */
        EXISTS,
        /** Not valid: wrong value count, row or column missing, duplicate columns, a name too long (INVALID). */
        INVALID,
        /** Not allowed for this user (FAILURE). */
        FORBIDDEN
    }

    private final Reason reason;

    public FeatherBaseRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The same refusal from a command that runs outside any transaction (getrow, getcell, addrow, whose
     * group commit has its own): nothing to roll back, and marking the container's local transaction
     * rollback-only would log an error (WLTC0017E) for a client's mistake.
     */
    @ApplicationException(rollback = false)
    public static final class Untransacted extends FeatherBaseRefusal {

        public Untransacted(FeatherBaseRefusal refusal) {
            super(refusal.reason(), refusal.getMessage());
        }
    }
}
