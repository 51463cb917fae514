package dev.portico.web.datafile;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.DatabaseAvailability;
import dev.portico.application.DatabaseFailure;
import dev.portico.application.ImportReport;
import dev.portico.domain.customer.DuplicateCustomerException;
import dev.portico.web.security.WebSettings;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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

    @EJB
    private DatabaseAvailability database;

    @Inject
    private WebSettings settings;

    /**
     * What an import did: its report; the lines read; and, when a batch failed, the 1-based line the
     * failed batch began with (the lines before it are stored) and why, else 0 and {@code null};
     * {@code databaseFailure} says what the database did when it failed the batch, else {@code null}.
     */
    public record Outcome(ImportReport report, int lines, int stoppedAtLine, String failure, DatabaseFailure.Kind databaseFailure) {

        public boolean complete() {
            return failure == null;
        }
    }

    /** A file whose bytes are not text in its character set: nothing of it is imported. */
    public static final class NotText extends Exception {
        private static final long serialVersionUID = 1L;

        NotText(String message) {
            super(message);
        }
    }

    /**
     * The whole file as UTF-8 text, read before anything is imported, so that a file that cannot be read imports
     * nothing. The caller bounds the stream's size. It stays one string and is split into lines a batch at a time
     * ({@link #importText}): a file of empty lines would otherwise be millions of line objects.
     *
     * @throws NotText when a line holds bytes that are not UTF-8 (a file saved in Latin-1, say): decoding them to
     *                 U+FFFD would store mangled names, and two names differing only there as one
     */
    public static String read(InputStream file) throws IOException, NotText {
        return read(file, StandardCharsets.UTF_8);
    }

    /** As {@link #read(InputStream)}, in the character set the sender declared. */
    public static String read(InputStream file, Charset charset) throws IOException, NotText {
        byte[] bytes = file.readAllBytes();
        CharsetDecoder decoder = charset.newDecoder(); // reports malformed and unmappable input, as new decoders do
        CharBuffer text = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L, (long) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1));
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, text, true);
        if (!result.isError()) {
            result = decoder.flush(text);
        }
        if (result.isError()) {
            text.flip();
            long line = 1 + text.chars().filter(c -> c == '\n').count();
            throw new NotText("Line " + line + " of the file is not " + charset.name() + " text (byte " + (in.position() + 1)
                    + "): nothing was imported. Save the file as UTF-8" + (charset.equals(StandardCharsets.UTF_8)
                    ? ", or name its character set (Content-Type: text/plain; charset=ISO-8859-1 over the API)" : "") + ".");
        }
        text.flip();
        return text.toString();
    }

    /** Imports the text's lines (split at \n, \r or \r\n); {@code source} names the channel and caller for the log (e.g. "API, admin"). */
    public Outcome importText(String text, String source) {
        long started = System.nanoTime();
        int maxListed = settings.importReportLines();
        int imported = 0;
        int skippedCount = 0;
        List<ImportReport.SkippedLine> skipped = new ArrayList<>();
        int stoppedAt = 0;
        String failure = null;
        DatabaseFailure.Kind databaseFailure = null;
        BufferedReader in = new BufferedReader(new StringReader(text));
        int lines = 0;
        for (List<String> batch = batch(in); !batch.isEmpty(); batch = batch(in)) {
            int start = lines;
            lines += batch.size();
            ImportReport part = null;
            try {
                part = directory.importLines(batch);
            } catch (DuplicateCustomerException e) {
                // The batch's line number would mislead: the report names where the batch began in the file.
                failure = e.getMessage() + ": it was added by someone else during the import; this batch of lines was rolled back, try again";
            } catch (DatabaseFailure | EJBException e) {
                // A failure of the database (thrown by the bean, or at its commit) or anything else the bean threw.
                DatabaseFailure database = DatabaseFailure.fromBean(e);
                if (database != null) {
                    this.database.outage(database);
                    databaseFailure = database.kind();
                    failure = database.getMessage();
                } else {
                    EJBException bug = (EJBException) e;
                    failure = bug.getCausedByException() == null ? String.valueOf(bug.getMessage()) : bug.getCausedByException().getMessage();
                }
            }
            if (failure != null) {
                stoppedAt = start + 1;
                lines += count(in);
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
        String summary = "Customer import (" + source + "): " + lines + " lines, " + imported + " stored, "
                + skippedCount + " skipped, " + millis + " ms";
        if (failure == null) {
            LOG.info(summary);
        } else if (databaseFailure != null) {
            LOG.info(summary + "; stopped at the batch from line " + stoppedAt + ": " + failure); // the outage is logged once
        } else {
            LOG.warning(summary + "; stopped at the batch from line " + stoppedAt + ": " + failure);
        }
        return new Outcome(new ImportReport(imported, skippedCount, skipped), lines, stoppedAt, failure, databaseFailure);
    }

    /** The next {@link #BATCH_LINES} lines at most; empty at the end. */
    private static List<String> batch(BufferedReader in) {
        List<String> batch = new ArrayList<>();
        for (String line; batch.size() < BATCH_LINES && (line = readLine(in)) != null; ) {
            batch.add(line);
        }
        return batch;
    }

    private static int count(BufferedReader in) {
        int lines = 0;
        while (readLine(in) != null) {
            lines++;
        }
        return lines;
    }

    /** A StringReader throws only once closed. */
    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
