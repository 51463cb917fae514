package dev.portico.domain.customer;

import jakarta.ejb.ApplicationException;

/** A value breaks a customer rule; carries the problem and the offending value. */
@ApplicationException(rollback = true)
public class InvalidCustomerException extends Exception {

    private final CustomerProblem problem;
    private final String value;

    public InvalidCustomerException(CustomerProblem problem, String value) {
        super(problem.reason() + ": " + value);
        this.problem = problem;
        this.value = value;
    }

    public CustomerProblem problem() {
        return problem;
    }

    public String value() {
        return value;
    }

    /** The same refusal from a call outside any transaction (see {@link DuplicateCustomerException.Untransacted}). */
    @ApplicationException(rollback = false)
    public static final class Untransacted extends InvalidCustomerException {

        public Untransacted(InvalidCustomerException refusal) {
            super(refusal.problem(), refusal.value());
        }
    }
}
