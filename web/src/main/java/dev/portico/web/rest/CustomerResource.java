package dev.portico.web.rest;

import dev.portico.application.CustomerChangedException;
import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.CustomerPage;
import dev.portico.application.CustomerView;
import dev.portico.application.ExportResult;
import dev.portico.text.PythonText;
import dev.portico.application.ImportReport;
import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerNotFoundException;
import dev.portico.domain.customer.CustomerQuery;
import dev.portico.domain.customer.DuplicateCustomerException;
import dev.portico.domain.customer.InvalidCustomerException;
import dev.portico.web.datafile.CustomerFileImport;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The customer directory over HTTP, on the service the socket uses (same rules): the list (the
 * report: streamed whole, or a filtered page), one customer with its ETag, create, update, delete,
 * import and export. Names match in any case and every field is stripped as the socket strips it.
 */
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "The customer directory (the socket's commands 1-8)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
public class CustomerResource {

    private static final String CUSTOMER = "{\"name\":\"Ada\",\"age\":\"36\",\"address\":\"1 Loop St\",\"phone\":\"394-1234\"}";

    @EJB
    private CustomerDirectoryService directory;

    @Inject
    private CustomerFileImport fileImport;

    @Context
    private SecurityContext caller;

    @Context
    private UriInfo uri;

    @Context
    private Request request;

    @GET
    @Operation(summary = "The report, or a page of it", description = "Without query parameters: every customer, sorted by "
            + "lower-cased name, streamed while the database is read (the socket's report). With any of name, phone (prefixes), "
            + "age, sort (name, -name, age, -age), offset or after, limit (1-1000, default 100): that page, with X-Total-Count and, "
            + "when more follow, a Link to the next page, which continues after this page's last customer (after: as the link "
            + "gives it, for the same sort, not with offset; read from the index however deep, where an offset is skipped).")
    @APIResponse(responseCode = "200", description = "Customers", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "list", value = "[" + CUSTOMER + "]")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @Parameter(in = ParameterIn.QUERY, name = "name", description = "Name prefix, any case", schema = @Schema(type = SchemaType.STRING))
    @Parameter(in = ParameterIn.QUERY, name = "phone", description = "Phone prefix", schema = @Schema(type = SchemaType.STRING))
    @Parameter(in = ParameterIn.QUERY, name = "age", description = "Exact age", schema = @Schema(type = SchemaType.INTEGER))
    @Parameter(in = ParameterIn.QUERY, name = "sort", description = "name (default), -name, age or -age",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"name", "-name", "age", "-age"}))
    @Parameter(in = ParameterIn.QUERY, name = "offset", description = "Customers to skip (not with after)", schema = @Schema(type = SchemaType.INTEGER))
    @Parameter(in = ParameterIn.QUERY, name = "after", description = "Where the next page begins, as a Link: rel=\"next\" gives it",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = "Page size, 1-1000 (default 100)", schema = @Schema(type = SchemaType.INTEGER))
    public Response list() {
        if (!CustomerPageRequest.asked(uri.getQueryParameters())) {
            return Response.ok(CustomerListing.json(directory)).build();
        }
        return page(Response::ok);
    }

    /** The page the query parameters ask for, with X-Total-Count and, when more follow, a Link to the next page. */
    private Response page(Function<List<CustomerView>, Response.ResponseBuilder> answering) {
        CustomerQuery query = CustomerPageRequest.parse(uri.getQueryParameters());
        CustomerPage page = directory.page(query);
        long total = directory.count(query.filter());
        Response.ResponseBuilder answer = answering.apply(page.customers()).header("X-Total-Count", total);
        page.next().ifPresent(last -> answer.link(NextLink.after(uri, CustomerCursor.of(last, query.order()), query.limit()), "next"));
        return answer.build();
    }

    @GET
    @Produces("text/csv;qs=0.5")
    @Operation(summary = "The report as CSV, or a page of it", description = "Accept: text/csv: a header line, then one CRLF-ended line "
            + "per customer; with query parameters, the page they ask for, as for JSON (X-Total-Count, Link).")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(name = "csv", value = "name,age,address,phone\r\nAda,36,1 Loop St,394-1234\r\n")))
    public Response listAsCsv() {
        if (CustomerPageRequest.asked(uri.getQueryParameters())) {
            return page(customers -> Response.ok(CustomerListing.csv(customers), "text/csv;charset=UTF-8"));
        }
        return Response.ok(CustomerListing.csv(directory), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"customers.csv\"").build();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One customer", description = "By name in any case; the ETag goes with If-Match on PUT and DELETE.")
    @APIResponse(responseCode = "200", description = "The customer, with ETag", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "customer", value = CUSTOMER)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the current ETag")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response find(@PathParam("name") String name) {
        CustomerView customer = existing(name);
        return Versions.read(request, customer, tag(customer));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a customer", description = "The socket's command 2 and its rules: name free (409) and present, "
            + "age 1-120, phone 394|426|901|514-NNNN, no line breaks (422). age, address and phone may be empty or absent; any "
            + "other member is a 400.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "customer", value = CUSTOMER)))
    @APIResponse(responseCode = "201", description = "Stored: Location and ETag of the new customer", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "customer", value = CUSTOMER)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response create(JsonObject body) throws DuplicateCustomerException, InvalidCustomerException {
        JsonFields.only(body, "name", "age", "address", "phone");
        CustomerView added = directory.add(field(body, "name"), field(body, "age"), field(body, "address"), field(body, "phone"));
        return Response.created(uri.getBaseUriBuilder().path(CustomerResource.class).path("{name}").build(added.name()))
                .tag(tag(added)).entity(added).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets age, address and phone", description = "All three at once, each required (400 when one is missing), as "
            + "commands 4-6 check them (an empty one clears it); when one is refused nothing changes. A \"name\" may be sent, but must "
            + "be the customer's own (no renaming); any other member is a 400. If-Match is optional; when sent it must name the current ETag.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "change",
            value = "{\"age\":\"37\",\"address\":\"2 Loop St\",\"phone\":\"\"}")))
    @APIResponse(responseCode = "200", description = "The customer as stored now, with its new ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = Versions.IF_MATCH, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response update(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, JsonObject body)
            throws CustomerNotFoundException, InvalidCustomerException {
        JsonFields.only(body, "name", "age", "address", "phone");
        for (String member : List.of("age", "address", "phone")) {
            if (!body.containsKey(member)) {
                throw new BadRequestException("Send \"" + member + "\" too: PUT sets age, address and phone together (an empty one clears it)");
            }
        }
        CustomerView current = existing(name);
        if (body.containsKey("name") && !Customer.keyOf(field(body, "name")).equals(Customer.keyOf(current.name()))) {
            throw new BadRequestException("A customer cannot be renamed: send its own name (" + current.name() + ") or no \"name\"");
        }
        Versions.requireCurrent(request, tag(current));
        String age = field(body, "age");
        String address = field(body, "address");
        String phone = field(body, "phone");
        try {
            // With If-Match, the version it named is checked again in the change's own transaction: a change in between is a 412 too.
            CustomerView after = ifMatch == null ? directory.update(current.name(), age, address, phone)
                    : directory.update(current.name(), current, age, address, phone);
            return Response.ok(after).tag(tag(after)).build();
        } catch (CustomerChangedException e) {
            throw Versions.stale(tag(e.current()));
        }
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Deletes a customer", description = "The socket's command 3. If-Match is optional; when sent it must name the current ETag.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = Versions.IF_MATCH, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public void delete(@PathParam("name") String name) throws CustomerNotFoundException, InvalidCustomerException {
        CustomerView current = existing(name);
        Versions.requireCurrent(request, tag(current));
        directory.delete(current.name());
    }

    @POST
    @Path("import")
    @Consumes(MediaType.TEXT_PLAIN)
    @DataFileBody
    @Operation(summary = "Imports a data file", description = "name|age|address|phone lines, at most portico.http.maxImportBytes, "
            + "stored in batches: reports how many were stored and skipped (and why). When a batch fails (409; 503 when the database "
            + "failed it) the batches before it stay stored.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN, examples = @ExampleObject(name = "file",
            value = "Ada|36|1 Loop St|394-1234\nBob|||\n")))
    @APIResponse(responseCode = "200", description = "The import report", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "report", value = "{\"imported\":1,\"skippedCount\":1,\"skipped\":"
                    + "[{\"lineNumber\":2,\"line\":\"|30||\",\"reason\":\"null key field\"}]}")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "503", description = "The database failed a batch (unreachable, or a lost conflict): the batches before it "
            + "are stored; type urn:portico:problem:import-stopped with \"imported\", and Retry-After",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response importFile(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body) throws IOException {
        String text;
        try {
            text = CustomerFileImport.read(body, charset(type));
        } catch (CustomerFileImport.NotText e) {
            throw new BadRequestException(e.getMessage());
        }
        CustomerFileImport.Outcome outcome = fileImport.importText(text, "API, " + caller.getUserPrincipal().getName());
        if (!outcome.complete()) {
            ImportReport report = outcome.report();
            int status = outcome.databaseFailure() == null ? 409 : 503;
            Response.ResponseBuilder stopped = Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.builder(status, Problem.IMPORT_STOPPED,
                    "The import stopped at the batch from line " + outcome.stoppedAtLine() + "; the " + report.imported()
                            + " customers before it are stored: " + outcome.failure(), uri.getRequestUri().getRawPath())
                    .add("imported", report.imported()).build().toString());
            return outcome.databaseFailure() == null ? stopped.build() : ErrorResponses.unavailable(stopped, outcome.databaseFailure());
        }
        return Response.ok(outcome.report()).build();
    }

    @POST
    @Path("export")
    @Operation(summary = "Writes the export file", description = "The socket's command 8: every customer, in the data-file format, "
            + "to portico.customer.exportFile on the server.")
    @APIResponse(responseCode = "200", description = "Where and how many", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "export", value = "{\"file\":\"/srv/export/customers-data.txt\",\"customers\":2}")))
    public ExportResult export() throws IOException {
        return directory.export();
    }

    /** The character set a text body declares (UTF-8 when it declares none); one Java does not know is a 415. */
    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) { // IllegalCharsetNameException, UnsupportedCharsetException
            throw new NotSupportedException("Unknown charset \"" + ErrorResponses.cut(name) + "\": send the file as UTF-8 (or name a charset Java knows)");
        }
    }

    private CustomerView existing(String name) {
        return directory.find(PythonText.strip(name)).orElseThrow(() -> new NotFoundException("No customer named " + name));
    }

    private static String field(JsonObject body, String name) {
        return PythonText.strip(JsonFields.text(body, name));
    }

    static EntityTag tag(CustomerView customer) {
        return Versions.of(List.of(customer.name(), customer.age(), customer.address(), customer.phone()));
    }
}
