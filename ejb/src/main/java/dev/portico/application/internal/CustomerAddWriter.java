package dev.portico.application.internal;

import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerDirectoryStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;

/** Writes a group of customer adds in one container-managed transaction, committed when {@link #insertAll} returns. */
@Stateless
public class CustomerAddWriter {

    @Inject
    private CustomerDirectoryStore directory;

    /** For each customer, in order, whether it was stored (false: its name was taken, by then or earlier in the group). */
    public List<Boolean> insertAll(List<Customer> customers) {
        return directory.insertAll(customers);
    }
}
