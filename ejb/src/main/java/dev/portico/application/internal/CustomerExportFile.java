package dev.portico.application.internal;

import dev.portico.application.ExportResult;
import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerFileLine;
import dev.portico.domain.customer.CustomerRepository;
import jakarta.annotation.Resource;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The export file, written one export at a time: each export reads the directory and replaces the
 * file while holding the write lock, so it reads only after the previous export replaced the file,
 * and an older read can never be renamed over a newer one. Its own transaction starts inside the
 * lock, so its reads see every customer the export before it saw.
 */
@Singleton
@Lock(LockType.WRITE)
@AccessTimeout(value = 10, unit = TimeUnit.MINUTES)
public class CustomerExportFile {

    /** Customers read per query (memory stays bounded by one batch). */
    private static final int EXPORT_BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(CustomerExportFile.class.getName());

    @Inject
    private CustomerRepository customers;

    /** Where command 8 and the operator's export write the directory (server.xml: portico.customer.exportFile). */
    @Resource(lookup = "portico/customer/exportFile")
    private String exportFile;

    /** Writes every customer to a temporary file, a batch at a time (read-only reads), then renames it over the export file. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ExportResult write() throws IOException {
        Path target = Path.of(exportFile).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        int written = 0;
        try {
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
        } finally {
            Files.deleteIfExists(temporary);
        }
        int count = written;
        LOG.info(() -> "Customer directory exported: " + count + " customers to " + target);
        return new ExportResult(target.toString(), count);
    }
}
