package dev.portico.web.rest;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.CustomerView;
import dev.portico.application.ExportResult;
import dev.portico.application.ImportReport;
import dev.portico.domain.customer.CustomerRules;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;

/** The customer directory over HTTP: list (streamed, JSON or CSV), find, import and export. */
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @EJB
    private CustomerDirectoryService directory;

    /**
     * Every customer, sorted by lower-cased name, as a JSON array streamed while the database is read
     * (the default, and for {@code Accept: application/json}).
     */
    @GET
    public StreamingOutput list() {
        return CustomerListing.json(directory);
    }

    /** The same list as CSV ({@code Accept: text/csv}): a header line, then one CRLF-ended line per customer. */
    @GET
    @Produces("text/csv;qs=0.5")
    public Response listAsCsv() {
        return Response.ok(CustomerListing.csv(directory), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"customers.csv\"").build();
    }

    /** One customer, by name in any case, stripped as the socket strips it; 404 when there is none. */
    @GET
    @Path("{name}")
    public CustomerView find(@PathParam("name") String name) {
        return directory.find(CustomerRules.strip(name)).orElseThrow(() -> new NotFoundException("No customer named " + name));
    }

    /** Imports a data file ({@code name|age|address|phone} lines) sent as the body; reports the skipped lines. */
    @POST
    @Path("import")
    @Consumes(MediaType.TEXT_PLAIN)
    public ImportReport importFile(String body) {
        return directory.importLines(body.lines().toList());
    }

    /** Writes the directory to the configured export file. */
    @POST
    @Path("export")
    public ExportResult export() throws IOException {
        return directory.export();
    }
}
