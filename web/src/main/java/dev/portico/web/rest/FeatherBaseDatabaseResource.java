package dev.portico.web.rest;

import dev.portico.application.FeatherBaseQueries;
import dev.portico.application.FeatherBaseService;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
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

import java.util.ArrayList;
import java.util.List;

/**
 * FeatherBase databases and their tables over HTTP, on the service the socket uses (same rules, no
 * per-user grants: the API's admin is the operator). A table's own columns, rows and cells are
 * {@link FeatherBaseTableResource}'s.
 */
@Path("featherbase/databases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "FeatherBase", description = "Databases, tables, columns, rows and cells (the FeatherBase socket's commands)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
public class FeatherBaseDatabaseResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String NAME = "{\"name\":\"shop\"}";

    @EJB
    private FeatherBaseService featherBase;

    @EJB
    private FeatherBaseQueries queries;

    @Context
    private UriInfo uri;

    @Context
    private Request request;

    @GET
    @Operation(summary = "Every database with its number of tables, sorted by name")
    @APIResponse(responseCode = "200", description = "Databases", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "databases", value = "[{\"name\":\"shop\",\"tables\":2}]")))
    public List<FeatherBaseQueries.DatabaseSummary> list() {
        return queries.databases();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a database")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "database", value = NAME)))
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response create(JsonObject body) throws FeatherBaseRefusal {
        JsonFields.only(body, "name");
        String name = JsonFields.required(body, "name");
        featherBase.createDatabase(null, name);
        return Response.created(uri.getBaseUriBuilder().path(getClass()).path("{database}").build(name))
                .entity(Json.createObjectBuilder().add("name", name).build()).build();
    }

    @GET
    @Path("{database}")
    @Operation(summary = "A database and its tables (columns and rows of each), with its ETag")
    @APIResponse(responseCode = "200", description = "The database", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "database", value = "{\"name\":\"shop\",\"tables\":[{\"name\":\"items\",\"columns\":2,\"rows\":10}]}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("database") String database) throws FeatherBaseRefusal {
        DatabaseView view = view(database);
        return Versions.read(request, view, tag(view));
    }

    @PATCH
    @Path("{database}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "Renames a database", description = "If-Match is optional; when sent it must name the current ETag.")
    @RequestBody(content = {@Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rename", value = NAME)),
        @Content(mediaType = MERGE_PATCH, examples = @ExampleObject(name = "rename", value = NAME))})
    @APIResponse(responseCode = "200", description = "Renamed; Content-Location names it now")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = Versions.IF_MATCH, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response rename(@PathParam("database") String database, JsonObject body) throws FeatherBaseRefusal {
        JsonFields.only(body, "name");
        String newName = JsonFields.required(body, "name");
        Versions.requireCurrent(request, tag(view(database)));
        featherBase.renameDatabase(null, database, newName);
        return Response.ok(Json.createObjectBuilder().add("name", newName).build())
                .contentLocation(uri.getBaseUriBuilder().path(getClass()).path("{database}").build(newName)).build();
    }

    @DELETE
    @Path("{database}")
    @Operation(summary = "Deletes a database with its tables", description = "If-Match is optional; when sent it must name the current ETag.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = Versions.IF_MATCH, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public void delete(@PathParam("database") String database) throws FeatherBaseRefusal {
        Versions.requireCurrent(request, tag(view(database)));
        featherBase.deleteDatabase(null, database);
    }

    @GET
    @Path("{database}/tables")
    @Operation(summary = "The database's tables with their numbers of columns and rows, sorted by name")
    @APIResponse(responseCode = "200", description = "Tables", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "tables", value = "[{\"name\":\"items\",\"columns\":2,\"rows\":10}]")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<FeatherBaseQueries.TableSummary> tables(@PathParam("database") String database) throws FeatherBaseRefusal {
        return queries.tables(database);
    }

    @POST
    @Path("{database}/tables")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a table with its columns")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "table",
            value = "{\"name\":\"items\",\"columns\":[\"sku\",\"price\"]}")))
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response addTable(@PathParam("database") String database, JsonObject body) throws FeatherBaseRefusal {
        JsonFields.only(body, "name", "columns");
        String table = JsonFields.required(body, "name");
        List<String> columns = JsonFields.texts(body, "columns");
        featherBase.addTable(null, database, table, columns);
        return Response.created(uri.getBaseUriBuilder().path(FeatherBaseTableResource.class).build(database, table))
                .entity(Json.createObjectBuilder().add("name", table).add("columns", Json.createArrayBuilder(columns)).build()).build();
    }

    /** A database as {@code GET} shows it. */
    public record DatabaseView(String name, List<FeatherBaseQueries.TableSummary> tables) { }

    private DatabaseView view(String database) throws FeatherBaseRefusal {
        return new DatabaseView(database, queries.tables(database));
    }

    private static EntityTag tag(DatabaseView view) {
        List<Object> parts = new ArrayList<>();
        parts.add(view.name());
        view.tables().forEach(t -> parts.addAll(List.of(t.name(), t.columns(), t.rows())));
        return Versions.of(parts);
    }
}
