package dev.portico.application.internal;

import dev.portico.application.CustomerChangedException;
import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.CustomerPage;
import dev.portico.application.CustomerView;
import dev.portico.application.ExportBatch;
import dev.portico.application.ExportResult;
import dev.portico.application.ImportReport;
import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerDirectoryStore;
import dev.portico.domain.customer.CustomerFileLine;
import dev.portico.domain.customer.CustomerFilter;
import dev.portico.domain.customer.CustomerNotFoundException;
import dev.portico.domain.customer.CustomerPosition;
import dev.portico.domain.customer.CustomerProblem;
import dev.portico.domain.customer.CustomerQuery;
import dev.portico.domain.customer.CustomerRepository;
import dev.portico.domain.customer.CustomerRules;
import dev.portico.domain.customer.CustomerStream;
import dev.portico.domain.customer.DuplicateCustomerException;
import dev.portico.domain.customer.InvalidCustomerException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The customer directory service, one container-managed transaction per change: find and add in plain
 * JDBC ({@link CustomerDirectoryStore}, one statement each; find outside any transaction), the rest on JPA.
 */
@Stateless
public class DefaultCustomerDirectoryService implements CustomerDirectoryService {

    @Inject
    private CustomerRepository customers;

    @Inject
    private CustomerDirectoryStore directory;

    @Inject
    private CustomerAddGroupCommit groupCommit;

    @Inject
    private CustomerStream stream;

    @EJB
    private CustomerExportFile exportFile;

    /** One query, outside any transaction: a read needs neither a commit nor a rollback. */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<CustomerView> find(String name) {
        return directory.find(name).map(CustomerView::of);
    }

    /**
     * One INSERT when the fields are valid, its duplicate-key error meaning "already stored"; only
     * invalid fields cost a lookup, since a name already stored is answered before any field problem.
     */
    @Override
    public CustomerView add(String name, String age, String address, String phone) throws DuplicateCustomerException, InvalidCustomerException {
        Customer customer = newCustomer(name, age, address, phone);
        directory.insert(customer);
        return CustomerView.of(customer);
    }

    /** Checks as {@link #add} does, outside any transaction; a valid add goes through the group commit. */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CustomerView addCommitted(String name, String age, String address, String phone) throws DuplicateCustomerException, InvalidCustomerException {
        Customer customer;
        try {
            customer = newCustomer(name, age, address, phone);
        } catch (DuplicateCustomerException duplicate) {
            throw new DuplicateCustomerException.Untransacted(name);
        } catch (InvalidCustomerException invalid) {
            throw new InvalidCustomerException.Untransacted(invalid);
        }
        if (!groupCommit.add(customer)) {
            throw new DuplicateCustomerException.Untransacted(name);
        }
        return CustomerView.of(customer);
    }

    @Override
    public void delete(String name) throws CustomerNotFoundException, InvalidCustomerException {
        CustomerRules.name(name);
        customers.remove(existing(name));
    }

    @Override
    public void updateAge(String name, String age) throws CustomerNotFoundException, InvalidCustomerException {
        Customer customer = existing(name);
        customer.changeAge(CustomerRules.age(age));
    }

    @Override
    public void updateAddress(String name, String address) throws CustomerNotFoundException, InvalidCustomerException {
        existing(name).changeAddress(CustomerRules.address(address));
    }

    @Override
    public void updatePhone(String name, String phone) throws CustomerNotFoundException, InvalidCustomerException {
        Customer customer = existing(name);
        customer.changePhone(CustomerRules.phone(phone));
    }

    @Override
    public CustomerView update(String name, String age, String address, String phone) throws CustomerNotFoundException, InvalidCustomerException {
        return change(existing(name), age, address, phone);
    }

    @Override
    public CustomerView update(String name, CustomerView seen, String age, String address, String phone)
            throws CustomerNotFoundException, InvalidCustomerException, CustomerChangedException {
        Customer customer = existing(name);
        CustomerView now = CustomerView.of(customer);
        if (!now.equals(seen)) {
            throw new CustomerChangedException(now);
        }
        return change(customer, age, address, phone);
    }

    private static CustomerView change(Customer customer, String age, String address, String phone) throws InvalidCustomerException {
        String newAge = CustomerRules.age(age);
        String newPhone = CustomerRules.phone(phone);
        String newAddress = CustomerRules.address(address);
        customer.changeAge(newAge);
        customer.changeAddress(newAddress);
        customer.changePhone(newPhone);
        return CustomerView.of(customer);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long eachCustomer(Predicate<CustomerView> each) {
        return stream.forEachByName(customer -> each.test(CustomerView.of(customer)));
    }

    @Override
    public CustomerPage page(CustomerQuery query) {
        List<Customer> found = customers.findPage(query, query.limit() + 1);
        List<Customer> shown = found.size() > query.limit() ? found.subList(0, query.limit()) : found;
        Optional<CustomerPosition> next = shown.size() < found.size() ? Optional.of(CustomerPosition.of(shown.get(shown.size() - 1)))
                : Optional.empty();
        return new CustomerPage(shown.stream().map(CustomerView::of).toList(), next);
    }

    @Override
    public List<CustomerView> page(CustomerQuery query, long total) {
        if (query.after() != null) {
            return page(query).customers();
        }
        return NearerEnd.page(query.offset(), query.limit(), total, (reversed, first, size) -> customers.findPage(
                new CustomerQuery(query.filter(), reversed ? query.order().reversed() : query.order(), first, size), size))
                .stream().map(CustomerView::of).toList();
    }

    @Override
    public long count(CustomerFilter filter) {
        return customers.count(filter);
    }

    @Override
    public ExportBatch exportBatch(String afterNameKey, int size) {
        if (size < 1 || size > CustomerQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("batch size must be within 1.." + CustomerQuery.MAX_LIMIT + ", got " + size);
        }
        List<Customer> batch = customers.findAfter(afterNameKey == null ? "" : afterNameKey, size);
        return new ExportBatch(batch.stream().map(CustomerFileLine::format).toList(),
                batch.isEmpty() ? null : batch.get(batch.size() - 1).nameKey());
    }

    @Override
    public ImportReport importLines(List<String> lines) throws DuplicateCustomerException {
        List<ImportReport.SkippedLine> skipped = new ArrayList<>();
        int imported = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            try {
                Customer customer = CustomerFileLine.parse(line);
                if (customers.findByName(customer.name()).isPresent()) {
                    throw new InvalidCustomerException(CustomerProblem.DUPLICATE_NAME, customer.name());
                }
                customers.store(customer);
                imported++;
            } catch (InvalidCustomerException e) {
                String reason = e.problem().reason();
                skipped.add(new ImportReport.SkippedLine(i + 1, line, reason));
            }
        }
        // No log line per skip: a file of bad lines would flood the log. The caller logs one summary per import.
        return new ImportReport(imported, skipped);
    }

    /** One export at a time (see {@link CustomerExportFile}), so the file never goes back to an older read. */
    @Override
    public ExportResult export() throws IOException {
        return exportFile.write();
    }

    /**
     * The customer to add, if its fields are valid; when they are not, a name already stored is
     * answered first (one lookup), as the reference server did.
     */
    private Customer newCustomer(String name, String age, String address, String phone) throws DuplicateCustomerException, InvalidCustomerException {
        try {
            return CustomerRules.newCustomer(name, age, address, phone);
        } catch (InvalidCustomerException invalid) {
            if (directory.find(name).isPresent()) {
                throw new DuplicateCustomerException(name);
            }
            throw invalid;
        }
    }

    /**
     * The customer to change or delete, locked until the transaction ends, so that of concurrent
     * deletes only one finds it and a change never lands on a customer deleted meanwhile.
     */
    private Customer existing(String name) throws CustomerNotFoundException {
        return customers.findByNameForUpdate(name).orElseThrow(() -> new CustomerNotFoundException(name));
    }
}
