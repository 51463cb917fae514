package dev.portico.domain.account;

/** A change to the accounts that the rules refuse, with a message fit to show the operator. */
public class AccountRefusal extends Exception {

    /** Why: no such account, name taken, a value out of the rules, or it would leave no admin. */
    public enum Reason { NOT_FOUND, EXISTS, INVALID, LAST_ADMIN }

    private final Reason reason;

    public AccountRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
