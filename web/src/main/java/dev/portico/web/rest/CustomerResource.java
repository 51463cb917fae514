package dev.portico.web.rest;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.CustomerView;
import dev.portico.application.ExportResult;
import dev.portico.text.PythonText;
import dev.portico.web.datafile.CustomerFileImport;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The customer directory over HTTP: list (streamed, JSON or CSV), find, import and export. */
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @EJB
    private CustomerDirectoryService directory;

    @Inject
    private CustomerFileImport fileImport;

    @Context
    private SecurityContext caller;

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
        return directory.find(PythonText.strip(name)).orElseThrow(() -> new NotFoundException("No customer named " + name));
    }

    /**
     * Imports a data file ({@code name|age|address|phone} lines) sent as the body, at most
     * portico.http.maxImportBytes (413 beyond, nothing stored), in batches of lines: reports how many were
     * stored and skipped, and the first skipped lines. When a batch fails (409) the batches before it stay stored.
     */
    @POST
    @Path("import")
    @Consumes(MediaType.TEXT_PLAIN)
    @DataFileBody
    public Response importFile(InputStream body) throws IOException {
        List<String> lines = CustomerFileImport.lines(body);
        CustomerFileImport.Outcome outcome = fileImport.importLines(lines, "API, " + caller.getUserPrincipal().getName());
        if (!outcome.complete()) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON).entity(Json.createObjectBuilder()
                    .add("error", "The import stopped at the batch from line " + outcome.stoppedAtLine() + "; the "
                            + outcome.report().imported() + " customers before it are stored: " + outcome.failure())
                    .add("imported", outcome.report().imported()).build().toString()).build();
        }
        return Response.ok(outcome.report()).build();
    }

    /** Writes the directory to the configured export file. */
    @POST
    @Path("export")
    public ExportResult export() throws IOException {
        return directory.export();
    }
}
