package dev.portico.application.internal;

import dev.portico.application.DatabaseAvailability;
import dev.portico.domain.customer.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Group commit of concurrent customer adds (see {@link GroupCommit}): adds from different connections
 * share one transaction and one COMMIT, each INSERT on its own, so that each add still gets its own
 * outcome (stored, or its name taken) and returns only after that commit. An add that finds no other waiting is one
 * auto-committed INSERT, without a transaction around it.
 */
@ApplicationScoped
public class CustomerAddGroupCommit {

    private GroupCommit<Customer, Boolean> group;

    @Inject
    void writeWith(CustomerAddWriter writer, DatabaseAvailability database) {
        this.group = new GroupCommit<>(customers -> customers.size() == 1 ? List.of(writer.insertAlone(customers.get(0)))
                : writer.insertAll(customers), database::outage);
    }

    /** Whether the customer was stored (false: its name was taken); returns once that is committed. */
    public boolean add(Customer customer) {
        return group.write(customer);
    }
}
