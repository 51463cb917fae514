package dev.portico.application.internal;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.CustomerView;
import dev.portico.application.ExportBatch;
import dev.portico.application.ExportResult;
import dev.portico.application.ImportReport;
import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerFileLine;
import dev.portico.domain.customer.CustomerFilter;
import dev.portico.domain.customer.CustomerNotFoundException;
import dev.portico.domain.customer.CustomerProblem;
import dev.portico.domain.customer.CustomerQuery;
import dev.portico.domain.customer.CustomerRepository;
import dev.portico.domain.customer.CustomerRules;
import dev.portico.domain.customer.DuplicateCustomerException;
import dev.portico.domain.customer.InvalidCustomerException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** The customer directory service on JPA, one container-managed transaction per call. */
@Stateless
public class DefaultCustomerDirectoryService implements CustomerDirectoryService {

    /** Customers read per query by the exports. */
    private static final int EXPORT_BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(DefaultCustomerDirectoryService.class.getName());

    @Inject
    private CustomerRepository customers;

    /** Where command 8 and the operator's export write the directory (server.xml: portico.customer.exportFile). */
    @Resource(lookup = "portico/customer/exportFile")
    private String exportFile;

    @Override
    public Optional<CustomerView> find(String name) {
        return customers.findByName(name).map(CustomerView::of);
    }

    @Override
    public CustomerView add(String name, String age, String address, String phone) throws DuplicateCustomerException, InvalidCustomerException {
        if (customers.findByName(name).isPresent()) {
            throw new DuplicateCustomerException(name);
        }
        Customer customer = CustomerRules.newCustomer(name, age, address, phone);
        customers.store(customer);
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
    public void updateAddress(String name, String address) throws CustomerNotFoundException {
        existing(name).changeAddress(CustomerRules.address(address));
    }

    @Override
    public void updatePhone(String name, String phone) throws CustomerNotFoundException, InvalidCustomerException {
        Customer customer = existing(name);
        customer.changePhone(CustomerRules.phone(phone));
    }

    @Override
    public CustomerView update(String name, String age, String address, String phone) throws CustomerNotFoundException, InvalidCustomerException {
        Customer customer = existing(name);
        Integer newAge = CustomerRules.age(age);
        String newPhone = CustomerRules.phone(phone);
        customer.changeAge(newAge);
        customer.changeAddress(CustomerRules.address(address));
        customer.changePhone(newPhone);
        return CustomerView.of(customer);
    }

    @Override
    public List<CustomerView> list() {
        return customers.findAll().stream().map(CustomerView::of).toList();
    }

    @Override
    public List<CustomerView> page(CustomerQuery query) {
        return customers.findPage(query).stream().map(CustomerView::of).toList();
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
    public ImportReport importLines(List<String> lines) {
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
            } catch (DuplicateCustomerException e) {
                throw new IllegalStateException("A customer in line " + (i + 1) + " was added by someone else during the import;"
                        + " nothing was imported, try again", e);
            } catch (InvalidCustomerException e) {
                String reason = e.problem().reason();
                skipped.add(new ImportReport.SkippedLine(i + 1, line, reason));
                LOG.info(() -> "Customer import skipped line " + line + " [" + reason + "]");
            }
        }
        LOG.info("Customer import: " + imported + " stored, " + skipped.size() + " skipped");
        return new ImportReport(imported, skipped);
    }

    /** Writes the file a batch of customers at a time (read-only reads, so the persistence context stays small). */
    @Override
    public ExportResult export() throws IOException {
        Path target = Path.of(exportFile).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        int written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            String after = "";
            List<Customer> batch;
            do {
                batch = customers.findAfter(after, EXPORT_BATCH);
                for (Customer customer : batch) {
                    out.write(CustomerFileLine.format(customer));
                    out.newLine();
                }
                written += batch.size();
                after = batch.isEmpty() ? after : batch.get(batch.size() - 1).nameKey();
            } while (batch.size() == EXPORT_BATCH);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        int count = written;
        LOG.info(() -> "Customer directory exported: " + count + " customers to " + target);
        return new ExportResult(target.toString(), count);
    }

    /**
     * The customer to change or delete, locked until the transaction ends, so that of concurrent
     * deletes only one finds it and a change never lands on a customer deleted meanwhile.
     */
    private Customer existing(String name) throws CustomerNotFoundException {
        return customers.findByNameForUpdate(name).orElseThrow(() -> new CustomerNotFoundException(name));
    }
}
