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

import java.io.IOException;
import java.util.List;

/** The customer directory over HTTP: list, find, import and export. */
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @EJB
    private CustomerDirectoryService directory;

    /** Every customer, sorted by lower-cased name. */
    @GET
    public List<CustomerView> list() {
        return directory.list();
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
