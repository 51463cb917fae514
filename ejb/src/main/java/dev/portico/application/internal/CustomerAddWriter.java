package dev.portico.application.internal;

import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerDirectoryStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Writes a group of customer adds in one container-managed transaction, committed when {@link #insertAll} returns;
 * an add alone is one auto-committed INSERT ({@link #insertAlone}).
 */
@Stateless
public class CustomerAddWriter {

    @Inject
    private CustomerDirectoryStore directory;

    /** For each customer, in order, whether it was stored (false: its name was taken, by then or earlier in the group). */
    public List<Boolean> insertAll(List<Customer> customers) {
        return directory.insertAll(customers);
    }

    /**
     * Whether the customer was stored (false: its name was taken), outside any transaction: the INSERT is committed
     * by MariaDB (auto-commit) before it answers, so there is no transaction to begin, no COMMIT to send and no
     * switch of the pooled connection out of auto-commit and back, which a find then pays for.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean insertAlone(Customer customer) {
        return directory.insertCommitted(customer);
    }
}
