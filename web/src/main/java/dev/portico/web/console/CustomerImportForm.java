package dev.portico.web.console;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.ImportReport;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The customers screen's data-file import: an uploaded file (at most 10 MB, see web.xml) is imported
 * in batches of lines, each its own transaction, and the lines skipped are listed with their reasons.
 */
@Named
@ViewScoped
public class CustomerImportForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CustomerImportForm.class.getName());

    /** Lines per transaction: bounds the persistence context and the transaction's length. */
    static final int BATCH_LINES = 1000;
    /** Skipped lines kept for the report table; beyond these only their number is shown. */
    static final int MAX_REPORTED = 10_000;

    @EJB
    private CustomerDirectoryService directory;

    @Inject
    private CurrentUser currentUser;

    private transient Part file;
    private ImportReport report;
    private int skippedTotal;

    public void importFile() {
        if (!currentUser.mayChange()) {
            return;
        }
        if (file == null || file.getSize() == 0) {
            FacesContext.getCurrentInstance().addMessage("import:file",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, "Choose a data file to import", "Choose a data file to import"));
            return;
        }
        List<String> lines;
        try {
            lines = read(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Customer import: the upload could not be read", e);
            message(FacesMessage.SEVERITY_ERROR, "The uploaded file could not be read: " + e.getMessage());
            return;
        }
        importLines(lines);
    }

    private void importLines(List<String> lines) {
        int imported = 0;
        List<ImportReport.SkippedLine> skipped = new ArrayList<>();
        skippedTotal = 0;
        for (int start = 0; start < lines.size(); start += BATCH_LINES) {
            List<String> batch = lines.subList(start, Math.min(lines.size(), start + BATCH_LINES));
            ImportReport part;
            try {
                part = directory.importLines(batch);
            } catch (EJBException e) {
                LOG.log(Level.WARNING, "Customer import stopped at line " + (start + 1), e);
                message(FacesMessage.SEVERITY_ERROR, "The import stopped in the lines from " + (start + 1) + " on; the lines before are stored: "
                        + (e.getCausedByException() == null ? e.getMessage() : e.getCausedByException().getMessage()));
                break;
            }
            imported += part.imported();
            skippedTotal += part.skipped().size();
            for (ImportReport.SkippedLine line : part.skipped()) {
                if (skipped.size() < MAX_REPORTED) {
                    skipped.add(new ImportReport.SkippedLine(start + line.lineNumber(), line.line(), line.reason()));
                }
            }
        }
        report = new ImportReport(imported, skipped);
        message(FacesMessage.SEVERITY_INFO, "Imported " + imported + " customers, skipped " + skippedTotal + " lines");
    }

    /** The file's lines, split as the JSON API's import splits them (at \n, \r or \r\n); bad UTF-8 becomes U+FFFD. */
    private static List<String> read(Part part) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(part.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, ""));
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    /** The last import's result; {@code null} before one. */
    public ImportReport getReport() {
        return report;
    }

    public int getSkippedTotal() {
        return skippedTotal;
    }

    public boolean isReportCut() {
        return report != null && skippedTotal > report.skipped().size();
    }
}
