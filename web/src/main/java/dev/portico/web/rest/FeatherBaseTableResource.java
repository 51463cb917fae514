package dev.portico.web.rest;

import dev.portico.application.FeatherBaseQueries;
import dev.portico.application.FeatherBaseQueries.RowView;
import dev.portico.application.FeatherBaseQueries.TableView;
import dev.portico.application.FeatherBaseService;
import dev.portico.application.TableRef;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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

import java.util.List;

/**
 * One FeatherBase table over HTTP: itself (rename, delete), its columns, its rows (a page of at most
 * {@value FeatherBaseQueries#MAX_ROWS} at a time, by primary-key range) and cells. Rows are numbered from
 * 0 in the order they were added; a row or cell has an ETag, and If-Match (optional) guards overwrites.
 */
@Path("featherbase/databases/{database}/tables/{table}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "FeatherBase")
@APIResponse(responseCode = "401", ref = "Unauthorized")
public class FeatherBaseTableResource {

    private static final String ROW = "{\"number\":0,\"values\":[\"A-1\",\"9.99\"]}";
    private static final String VALUES = "{\"values\":[\"A-1\",\"9.99\"]}";

    @EJB
    private FeatherBaseService featherBase;

    @EJB
    private FeatherBaseQueries queries;

    @PathParam("database")
    private String database;

    @PathParam("table")
    private String table;

    @Context
    private UriInfo uri;

    @Context
    private Request request;

    @GET
    @Operation(summary = "The table: its columns in order and its number of rows, with its ETag")
    @APIResponse(responseCode = "200", description = "The table", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "table", value = "{\"ref\":{\"database\":\"shop\",\"table\":\"items\"},\"columns\":[\"sku\",\"price\"],\"rows\":1}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get() throws FeatherBaseRefusal {
        TableView view = view();
        return Versions.read(request, view, tag(view));
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, FeatherBaseDatabaseResource.MERGE_PATCH})
    @Operation(summary = "Renames the table", description = "Body {\"name\": new name}. If-Match is optional; when sent it must name the current ETag.")
    @APIResponse(responseCode = "200", description = "Renamed; Content-Location names it now")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = Versions.IF_MATCH, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response rename(JsonObject body) throws FeatherBaseRefusal {
        JsonFields.only(body, "name");
        String newName = JsonFields.required(body, "name");
        Versions.requireCurrent(request, tag(view()));
        featherBase.renameTable(null, database, table, newName);
        return Response.ok(Json.createObjectBuilder().add("name", newName).build())
                .contentLocation(uri.getBaseUriBuilder().path(getClass()).build(database, newName)).build();
    }

    @DELETE
    @Operation(summary = "Deletes the table with its rows", description = "If-Match is optional; when sent it must name the current ETag.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = Versions.IF_MATCH, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public void delete() throws FeatherBaseRefusal {
        Versions.requireCurrent(request, tag(view()));
        featherBase.deleteTable(null, database, table);
    }

    @GET
    @Path("columns")
    @Operation(summary = "The table's column names in order")
    @APIResponse(responseCode = "200", description = "Columns", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "columns", value = "[\"sku\",\"price\"]")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<String> columns() throws FeatherBaseRefusal {
        return view().columns();
    }

    @POST
    @Path("columns")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a column (empty in every row)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "column", value = "{\"name\":\"stock\"}")))
    @APIResponse(responseCode = "201", description = "Added; Location names it")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response addColumn(JsonObject body) throws FeatherBaseRefusal {
        JsonFields.only(body, "name");
        String column = JsonFields.required(body, "name");
        featherBase.addColumn(null, database, table, column);
        return Response.created(uri.getBaseUriBuilder().path(getClass()).path("columns/{column}").build(database, table, column))
                .entity(Json.createObjectBuilder().add("name", column).build()).build();
    }

    @PATCH
    @Path("columns/{column}")
    @Consumes({MediaType.APPLICATION_JSON, FeatherBaseDatabaseResource.MERGE_PATCH})
    @Operation(summary = "Renames a column", description = "Body {\"name\": new name}.")
    @APIResponse(responseCode = "200", description = "Renamed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response renameColumn(@PathParam("column") String column, JsonObject body) throws FeatherBaseRefusal {
        JsonFields.only(body, "name");
        String newName = JsonFields.required(body, "name");
        existingColumn(column);
        featherBase.renameColumn(null, database, table, column, newName);
        return Response.ok(Json.createObjectBuilder().add("name", newName).build()).build();
    }

    @DELETE
    @Path("columns/{column}")
    @Operation(summary = "Deletes a column and its values")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public void deleteColumn(@PathParam("column") String column) throws FeatherBaseRefusal {
        existingColumn(column);
        featherBase.deleteColumn(null, database, table, column);
    }

    @GET
    @Path("rows")
    @Operation(summary = "A page of rows", description = "Rows first to first + count - 1 (count 1-1000, default 100), in order, "
            + "with X-Total-Count and a Link to the next page.")
    @APIResponse(responseCode = "200", description = "Rows", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "rows", value = "[" + ROW + "]")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response rows(@QueryParam("first") @DefaultValue("0") String firstText, @QueryParam("count") @DefaultValue("100") String countText)
            throws FeatherBaseRefusal {
        long first = QueryNumbers.parse("first", firstText, 0, Long.MAX_VALUE);
        int count = (int) QueryNumbers.parse("count", countText, 1, FeatherBaseQueries.MAX_ROWS);
        long total = view().rows();
        List<RowView> rows = queries.rows(new TableRef(database, table), first, count);
        Response.ResponseBuilder answer = Response.ok(rows).header("X-Total-Count", total);
        if (first + rows.size() < total && !rows.isEmpty()) {
            answer.link(uri.getRequestUriBuilder().replaceQueryParam("first", first + rows.size()).replaceQueryParam("count", count).build(), "next");
        }
        return answer.build();
    }

    @POST
    @Path("rows")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Appends a row", description = "One value per column, in column order.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "row", value = VALUES)))
    @APIResponse(responseCode = "201", description = "Added; Location names the row by its number", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "row", value = ROW)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response addRow(JsonObject body) throws FeatherBaseRefusal {
        JsonFields.only(body, "values");
        List<String> values = JsonFields.texts(body, "values");
        long number = featherBase.addRow(null, database, table, values);
        RowView row = new RowView(number, values);
        return Response.created(uri.getBaseUriBuilder().path(getClass()).path("rows/{row}").build(database, table, number))
                .tag(Versions.of(values)).entity(row).build();
    }

    @GET
    @Path("rows/{row}")
    @Operation(summary = "One row, with its ETag")
    @APIResponse(responseCode = "200", description = "The row", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "row", value = ROW)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response row(@PathParam("row") long number) throws FeatherBaseRefusal {
        RowView row = existingRow(number);
        return Versions.read(request, row, Versions.of(row.values()));
    }

    @PUT
    @Path("rows/{row}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Overwrites a row", description = "One value per column. If-Match is optional; when sent it must name the current ETag.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "row", value = VALUES)))
    @APIResponse(responseCode = "200", description = "The row as stored now, with its new ETag")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = Versions.IF_MATCH, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response overwriteRow(@PathParam("row") long number, JsonObject body) throws FeatherBaseRefusal {
        JsonFields.only(body, "values");
        List<String> values = JsonFields.texts(body, "values");
        Versions.requireCurrent(request, Versions.of(existingRow(number).values()));
        featherBase.overwriteRow(null, database, table, number, values);
        return Response.ok(new RowView(number, values)).tag(Versions.of(values)).build();
    }

    @GET
    @Path("rows/{row}/cells/{column}")
    @Operation(summary = "One cell, with its ETag")
    @APIResponse(responseCode = "200", description = "The cell", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "cell", value = "{\"value\":\"9.99\"}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response cell(@PathParam("row") long number, @PathParam("column") String column) throws FeatherBaseRefusal {
        String value = existingCell(number, column);
        return Versions.read(request, Json.createObjectBuilder().add("value", value).build(), Versions.of(List.of(value)));
    }

    @PUT
    @Path("rows/{row}/cells/{column}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Overwrites a cell", description = "Body {\"value\": text}. If-Match is optional; when sent it must name the current ETag.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "cell", value = "{\"value\":\"8.99\"}")))
    @APIResponse(responseCode = "200", description = "The cell as stored now, with its new ETag")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = Versions.IF_MATCH, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response overwriteCell(@PathParam("row") long number, @PathParam("column") String column, JsonObject body) throws FeatherBaseRefusal {
        JsonFields.only(body, "value");
        String value = JsonFields.required(body, "value");
        Versions.requireCurrent(request, Versions.of(List.of(existingCell(number, column))));
        featherBase.overwriteCell(null, database, table, number, column, value);
        return Response.ok(Json.createObjectBuilder().add("value", value).build()).tag(Versions.of(List.of(value))).build();
    }

    private TableView view() throws FeatherBaseRefusal {
        return queries.table(new TableRef(database, table));
    }

    private RowView existingRow(long number) throws FeatherBaseRefusal {
        List<RowView> rows = number < 0 ? List.of() : queries.rows(new TableRef(database, table), number, 1);
        if (rows.isEmpty()) {
            throw new NotFoundException("no row " + number + " in " + database + "." + table);
        }
        return rows.get(0);
    }

    private String existingCell(long number, String column) throws FeatherBaseRefusal {
        return existingRow(number).values().get(existingColumn(column));
    }

    /**
     * The column's index; 404 for a column the table lacks (the socket's INVALID, which the service answers: as a 422
     * here it would tell a client its request was malformed, not that the column is not there).
     */
    private int existingColumn(String column) throws FeatherBaseRefusal {
        int index = view().columns().indexOf(column);
        if (index < 0) {
            throw new NotFoundException("no column " + column + " in " + database + "." + table);
        }
        return index;
    }

    private static jakarta.ws.rs.core.EntityTag tag(TableView view) {
        return Versions.of(List.of(view.ref(), String.join("\u0000", view.columns()), view.rows()));
    }
}
