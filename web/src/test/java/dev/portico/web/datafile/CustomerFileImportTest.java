package dev.portico.web.datafile;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.DatabaseAvailability;
import dev.portico.application.DatabaseFailure;
import dev.portico.application.ImportReport;
import dev.portico.domain.customer.DuplicateCustomerException;
import dev.portico.web.security.WebSettings;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerFileImportTest {

    /** Batches the directory was given; it skips empty lines and fails the batch holding a line "fail" (a bug), "Ann|1||" (a race), "conflict" (at the commit) or "unreachable". */
    private final List<List<String>> batches = new ArrayList<>();
    /** Failures the import reported to the availability bean. */
    private final List<Throwable> outages = new ArrayList<>();

    private CustomerFileImport importer() throws ReflectiveOperationException {
        CustomerDirectoryService directory = (CustomerDirectoryService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CustomerDirectoryService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("importLines")) {
                        throw new AssertionError("the import called " + method.getName());
                    }
                    @SuppressWarnings("unchecked")
                    List<String> lines = List.copyOf((List<String>) args[0]);
                    batches.add(lines);
                    if (lines.contains("fail")) {
                        throw new EJBException("a bug");
                    }
                    if (lines.contains("Ann|1||")) {
                        throw new DuplicateCustomerException("Ann");
                    }
                    if (lines.contains("conflict")) {
                        throw new EJBTransactionRolledbackException("commit failed",
                                new SQLTransactionRollbackException("WSREP detected deadlock/conflict", "40001", 1213));
                    }
                    if (lines.contains("unreachable")) {
                        throw DatabaseFailure.of(new SQLNonTransientConnectionException("Socket fail to connect", "08000"), false);
                    }
                    List<ImportReport.SkippedLine> skipped = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).isEmpty()) {
                            skipped.add(new ImportReport.SkippedLine(i + 1, "", "invalid formate"));
                        }
                    }
                    return new ImportReport(lines.size() - skipped.size(), skipped);
                });
        CustomerFileImport importer = new CustomerFileImport();
        set(importer, "directory", directory);
        set(importer, "database", new DatabaseAvailability() {
            @Override
            public boolean usable() {
                return true;
            }

            @Override
            public boolean outage(Throwable failure) {
                outages.add(failure);
                return DatabaseFailure.unreachable(failure);
            }
        });
        WebSettings settings = new WebSettings();
        Field lines = WebSettings.class.getDeclaredField("importReportLines");
        lines.setAccessible(true);
        lines.setInt(settings, 3);
        set(importer, "settings", settings);
        return importer;
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = CustomerFileImport.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    @Test
    void theTextIsImportedInBatchesOfAThousandLinesNumberedAcrossTheFile() throws Exception {
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= 2_500; i++) {
            file.append(i % 1_000 == 0 ? "" : "c" + i + "|30||").append(i % 2 == 0 ? "\r\n" : "\n");
        }
        String text = CustomerFileImport.read(new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
        CustomerFileImport.Outcome outcome = importer().importText(text, "test");

        assertEquals(List.of(1_000, 1_000, 500), batches.stream().map(List::size).toList());
        assertEquals("c1001|30||", batches.get(1).get(0));
        assertTrue(outcome.complete());
        assertEquals(2_500, outcome.lines());
        assertEquals(2_498, outcome.report().imported());
        assertEquals(List.of(1_000, 2_000), outcome.report().skipped().stream().map(ImportReport.SkippedLine::lineNumber).toList(),
                "line numbers count from the file's first line, not the batch's");
    }

    @Test
    void aFileOfEmptyLinesIsReadAsLinesABatchAtATime() throws Exception {
        String text = CustomerFileImport.read(new ByteArrayInputStream("\n".repeat(4_500).getBytes(StandardCharsets.US_ASCII)));
        CustomerFileImport.Outcome outcome = importer().importText(text, "test");
        assertEquals(5, batches.size());
        assertEquals(4_500, outcome.report().skippedCount());
        assertEquals(3, outcome.report().skipped().size(), "the report lists portico.http.importReportLines lines at most");
    }

    @Test
    void aFailedBatchStopsTheImportAndNamesTheLineItBeganWith() throws Exception {
        String text = "a|||\n".repeat(1_000) + "fail\n" + "b|||\n".repeat(1_500);
        CustomerFileImport.Outcome outcome = importer().importText(text, "test");
        assertFalse(outcome.complete());
        assertEquals(1_001, outcome.stoppedAtLine());
        assertEquals("a bug", outcome.failure());
        assertNull(outcome.databaseFailure());
        assertEquals(1_000, outcome.report().imported());
        assertEquals(2, batches.size(), "nothing after the failed batch");
        assertEquals(2_501, outcome.lines());
        assertEquals(List.of(), outages);
    }

    @Test
    void aNameStoredBySomeoneElseDuringTheImportStopsItAtThatBatchAndSaysSo() throws Exception {
        String text = "a|||\n".repeat(2_000) + "Ann|1||\n";
        CustomerFileImport.Outcome outcome = importer().importText(text, "test");
        assertEquals(2_001, outcome.stoppedAtLine());
        assertEquals("a customer named Ann already exists: it was added by someone else during the import; this batch of lines"
                + " was rolled back, try again", outcome.failure());
        assertNull(outcome.databaseFailure());
        assertEquals(2_000, outcome.report().imported());
    }

    @Test
    void aBatchWhoseCommitLostAConflictStopsTheImportAsTheDatabasesFailureNotAsABug() throws Exception {
        CustomerFileImport.Outcome outcome = importer().importText("a|||\nconflict\n", "test");
        assertEquals(1, outcome.stoppedAtLine());
        assertEquals(DatabaseFailure.Kind.CONFLICT, outcome.databaseFailure(), "the API answers 503, not 409");
        assertEquals("the request conflicted with a concurrent change and was rolled back", outcome.failure());
        assertEquals(0, outcome.report().imported());
    }

    @Test
    void aBatchTheDatabaseFailedStopsTheImportSaysSoWithoutInternalsAndRecordsTheOutage() throws Exception {
        String text = "a|||\n".repeat(1_500) + "unreachable\n" + "b|||\n".repeat(10);
        CustomerFileImport.Outcome outcome = importer().importText(text, "test");
        assertFalse(outcome.complete());
        assertEquals(1_001, outcome.stoppedAtLine());
        assertEquals(DatabaseFailure.Kind.UNREACHABLE, outcome.databaseFailure());
        assertEquals("the database is unreachable", outcome.failure());
        assertEquals(1_000, outcome.report().imported());
        assertEquals(1, outages.size(), "the outage is recorded, so that it is logged once and the sockets refuse at once");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWholeNamingTheLine() throws Exception {
        byte[] latin1 = "Ann|30||\nJos\u00e9|40||\n".getBytes(StandardCharsets.ISO_8859_1);
        CustomerFileImport.NotText refused = assertThrows(CustomerFileImport.NotText.class,
                () -> CustomerFileImport.read(new ByteArrayInputStream(latin1)));
        assertEquals("Line 2 of the file is not UTF-8 text (byte 13): nothing was imported. Save the file as UTF-8, or name its"
                + " character set (Content-Type: text/plain; charset=ISO-8859-1 over the API).", refused.getMessage());
        assertEquals("Ann|30||\nJos\u00e9|40||\n", CustomerFileImport.read(new ByteArrayInputStream(latin1), StandardCharsets.ISO_8859_1));
        assertEquals("Zo\u00eb \uD83D\uDE00|||", CustomerFileImport.read(new ByteArrayInputStream("Zo\u00eb \uD83D\uDE00|||".getBytes(StandardCharsets.UTF_8))));
        assertThrows(CustomerFileImport.NotText.class, () -> CustomerFileImport.read(new ByteArrayInputStream(new byte[] {'A', (byte) 0xC3})),
                "a sequence cut short at the end is not text either");
    }
}
