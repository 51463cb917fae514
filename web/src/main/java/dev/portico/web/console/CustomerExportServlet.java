package dev.portico.web.console;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.ExportBatch;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The customers screen's export: the directory as a data-file download ({@code name|age|address|phone}
 * lines in name order), read and written a batch at a time so that memory stays bounded.
 */
@WebServlet(name = "CustomerExport", urlPatterns = "/customers/export")
public class CustomerExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CustomerExportServlet.class.getName());
    static final int BATCH = 1000;

    @EJB
    private CustomerDirectoryService directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"customers-data.txt\"");
        response.setHeader("Cache-Control", "no-store");
        OutputStream out = response.getOutputStream();
        String after = "";
        ExportBatch batch;
        try {
            do {
                batch = directory.exportBatch(after, BATCH);
                StringBuilder text = new StringBuilder();
                for (String line : batch.lines()) {
                    text.append(line).append('\n');
                }
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                after = batch.lastNameKey();
            } while (batch.lines().size() == BATCH);
            out.flush();
        } catch (IOException clientGone) {
            // The browser cancelled the download (or its connection broke): the reading stops; nothing to answer, nor to log.
            LOG.log(Level.FINE, "Customer export: the client went away", clientGone);
        }
    }
}
