package dev.portico.application.internal;

import dev.portico.application.ExportResult;
import dev.portico.domain.customer.CustomerFileLine;
import dev.portico.domain.customer.CustomerStream;
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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    private static final Logger LOG = Logger.getLogger(CustomerExportFile.class.getName());

    @Inject
    private CustomerStream customers;

    /** Where command 8 and the operator's export write the directory (server.xml: portico.customer.exportFile). */
    @Resource(lookup = "portico/customer/exportFile")
    private String exportFile;

    /**
     * Writes every customer to a temporary file as a database cursor yields them (memory does not
     * grow with the directory), then renames it over the export file.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ExportResult write() throws IOException {
        Path target = Path.of(exportFile).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        long written;
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                written = customers.forEachByName(customer -> {
                    try {
                        out.write(CustomerFileLine.format(customer));
                        out.newLine();
                        return true;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        long count = written;
        LOG.info(() -> "Customer directory exported: " + count + " customers to " + target);
        return new ExportResult(target.toString(), Math.toIntExact(count));
    }
}
