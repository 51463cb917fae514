package dev.portico.web.datafile;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.ImportReport;
import dev.portico.web.security.WebSettings;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Imports a customer data file for the API and the console alike: in batches of lines, each its own
 * transaction (bounding the persistence context and the transaction's length); the report counts
 * every skipped line and lists the first ones (portico.http.importReportLines); one log line per
 * import says what it did, never one per skipped line.
 */
@ApplicationScoped
public class CustomerFileImport {

    private static final Logger LOG = Logger.getLogger(CustomerFileImport.class.getName());

    /** Lines per transaction. */
    static final int BATCH_LINES = 1000;

    @EJB
    private CustomerDirectoryService directory;

    @Inject
    private WebSettings settings;

    /**
     * What an import did: its report; the lines read; and, when a batch failed, the 1-based line the
     * failed batch began with (the lines before it are stored) and why, else 0 and {@code null}.
     */
    public record Outcome(ImportReport report, int lines, int stoppedAtLine, String failure) {

        public boolean complete() {
            return failure == null;
        }
    }

    /** The file's lines, split at \n, \r or \r\n; bad UTF-8 becomes U+FFFD. The caller bounds the stream's size. */
    public static List<String> lines(InputStream file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Imports the lines; {@code source} names the channel and caller for the log (e.g. "API, admin"). */
    public Outcome importLines(List<String> lines, String source) {
        long started = System.nanoTime();
        int maxListed = settings.importReportLines();
        int imported = 0;
        int skippedCount = 0;
        List<ImportReport.SkippedLine> skipped = new ArrayList<>();
        int stoppedAt = 0;
        String failure = null;
        for (int start = 0; start < lines.size(); start += BATCH_LINES) {
            ImportReport part;
            try {
                part = directory.importLines(lines.subList(start, Math.min(lines.size(), start + BATCH_LINES)));
            } catch (EJBException e) {
                stoppedAt = start + 1;
                failure = e.getCausedByException() == null ? String.valueOf(e.getMessage()) : e.getCausedByException().getMessage();
                break;
            }
            imported += part.imported();
            skippedCount += part.skippedCount();
            for (ImportReport.SkippedLine line : part.skipped()) {
                if (skipped.size() < maxListed) {
                    skipped.add(new ImportReport.SkippedLine(start + line.lineNumber(), line.line(), line.reason()));
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String summary = "Customer import (" + source + "): " + lines.size() + " lines, " + imported + " stored, "
                + skippedCount + " skipped, " + millis + " ms";
        if (failure == null) {
            LOG.info(summary);
        } else {
            LOG.warning(summary + "; stopped at the batch from line " + stoppedAt + ": " + failure);
        }
        return new Outcome(new ImportReport(imported, skippedCount, skipped), lines.size(), stoppedAt, failure);
    }
}
