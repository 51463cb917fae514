package dev.portico.web.console;

import dev.portico.application.ImportReport;
import dev.portico.web.datafile.CustomerFileImport;
import dev.portico.web.security.WebSettings;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The customers screen's data-file import: an uploaded file of at most portico.http.maxImportBytes is
 * imported in batches of lines, each its own transaction ({@link CustomerFileImport}); the page shows
 * how many lines were skipped and lists the first ones with their reasons.
 */
@Named
@ViewScoped
public class CustomerImportForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CustomerImportForm.class.getName());

    @Inject
    private CustomerFileImport fileImport;

    @Inject
    private WebSettings settings;

    @Inject
    private CurrentUser currentUser;

    private transient Part file;
    private ImportReport report;

    /** The largest file an upload may be, as the page states it ({@code 4 MiB}). */
    public String getMaxSize() {
        return settings.maxImportSize();
    }

    public void importFile() {
        if (!currentUser.mayChange()) {
            return;
        }
        if (file == null || file.getSize() == 0) {
            // Faces hands an empty file over as none: the sentence covers both
            String text = "Choose a data file to import (an empty file holds nothing to import)";
            FacesContext.getCurrentInstance().addMessage("import:file", new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            return;
        }
        if (file.getSize() > settings.maxImportBytes()) {
            message(FacesMessage.SEVERITY_ERROR, settings.fileTooLarge());
            return;
        }
        String text;
        try (InputStream in = file.getInputStream()) {
            text = CustomerFileImport.read(in);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Customer import: the upload could not be read", e);
            message(FacesMessage.SEVERITY_ERROR, "The uploaded file could not be read: " + e.getMessage());
            return;
        } catch (CustomerFileImport.NotText e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            return;
        }
        CustomerFileImport.Outcome outcome = fileImport.importText(text, "console, " + currentUser.getName());
        report = outcome.report();
        if (!outcome.complete()) {
            message(FacesMessage.SEVERITY_ERROR, "The import stopped in the lines from " + outcome.stoppedAtLine()
                    + " on; the lines before are stored: " + outcome.failure());
        }
        message(FacesMessage.SEVERITY_INFO, getSummary());
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

    /** The last import in a sentence; empty before one. */
    public String getSummary() {
        return report == null ? "" : summary(report);
    }

    /** An import in a sentence: {@code Imported 1 customer, skipped 12 lines (the first 100 are listed).} */
    static String summary(ImportReport report) {
        boolean cut = report.skippedCount() > report.skipped().size();
        return "Imported " + Counts.of(report.imported(), "customer", "customers") + ", skipped "
                + Counts.of(report.skippedCount(), "line", "lines") + (cut ? String.format(Locale.ROOT, " (the first %,d are listed)", report.skipped().size()) : "") + ".";
    }

    public int getSkippedTotal() {
        return report == null ? 0 : report.skippedCount();
    }
}
