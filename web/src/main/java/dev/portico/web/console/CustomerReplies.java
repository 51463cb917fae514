package dev.portico.web.console;

import dev.portico.application.CustomerView;
import dev.portico.domain.customer.CustomerProblem;
import dev.portico.domain.customer.InvalidCustomerException;
import dev.portico.text.PythonRepr;

import java.util.List;

/**
 * The texts the customer directory listener answers (see shared/protocols/customer-directory.md),
 * for the console to show the same words a socket client gets for the same change.
 */
final class CustomerReplies {

    static final String FIELD_COUNT = "Input formate dismatch";
    static final String ADD_FIELD_COUNT = "Input formate dismatch.";
    static final String TOO_LONG = "Input too long...";
    static final String NAME_EMPTY = "Customer name is empty.";

    private CustomerReplies() {
    }

    /** Command 2's answer; {@code line} is the request line, {@code 2|name|age|address|phone}. */
    static String added(String line) {
        return line + " added to the database";
    }

    static String alreadyStored(String name) {
        return name + " already stored in the database";
    }

    /** Command 2 refused by a rule: an empty name or a line break shows all four fields, any other problem the value. */
    static String addRefused(InvalidCustomerException e, String name, String age, String address, String phone) {
        List<String> detail = e.problem() == CustomerProblem.EMPTY_NAME || e.problem() == CustomerProblem.LINE_BREAK
                ? List.of(name, age, address, phone) : List.of(e.value());
        return skipped("Adding", e.problem(), detail);
    }

    /** Command 4 refused: an age that is not a number shows the name and the age. */
    static String ageRefused(InvalidCustomerException e, String name, String age) {
        return skipped("Update", e.problem(), e.problem() == CustomerProblem.AGE_NOT_A_NUMBER ? List.of(name, age) : List.of(e.value()));
    }

    /** Command 5 refused (an address with a line break): shows the name and the address. */
    static String addressRefused(InvalidCustomerException e, String name, String address) {
        return skipped("Update", e.problem(), List.of(name, address));
    }

    /** Command 6 refused (the reference server said "Adding" here too). */
    static String phoneRefused(InvalidCustomerException e) {
        return skipped("Adding", e.problem(), List.of(e.value()));
    }

    /** Commands 1, 4, 5 and 6 for an unknown name. */
    static String notFound(String name) {
        return name + " is not found in database";
    }

    /** The editor's save, when the customer was changed since the form opened (by a socket, the API or another console). */
    static String changedMeanwhile(CustomerView now) {
        return now.name() + " was changed meanwhile, and nothing was saved. Stored now: age " + shown(now.age()) + ", address "
                + shown(now.address()) + ", phone " + shown(now.phone()) + ". Save again to store what the form shows.";
    }

    private static String shown(String value) {
        return value.isEmpty() ? "(empty)" : value;
    }

    /** Command 3 for an unknown name. */
    static String notFoundToDelete(String name) {
        return name + " is not found in the database";
    }

    static String deleted(String name) {
        return name + " deleted from the database";
    }

    static String ageUpdated(String name) {
        return name + "'s age is updated to the database";
    }

    static String addressUpdated(String name) {
        return name + "'s address is updated to the database";
    }

    static String phoneUpdated(String name) {
        return name + "'s phone number is updated to the database";
    }

    private static String skipped(String operation, CustomerProblem problem, List<String> detail) {
        return "DB read error. " + operation + " skipped [" + problem.reason() + "]: " + (detail.size() == 1 ? detail.get(0) : PythonRepr.list(detail));
    }
}
