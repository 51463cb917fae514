package dev.portico.web.rest;

import dev.portico.application.FeatherBaseUserService;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;

/**
 * FeatherBase users and their grants over HTTP. A listener with authentication required accepts
 * a connection's commands after {@code auth} with one of these users, and only on granted databases.
 */
@Path("featherbase/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "FeatherBase users", description = "Who may sign in on a FeatherBase listener that requires authentication, and on which databases")
@APIResponse(responseCode = "401", ref = "Unauthorized")
public class FeatherBaseUserResource {

    @EJB
    private FeatherBaseUserService users;

    @Context
    private UriInfo uri;

    /** Users in one read of the list: a streamed list reads this many at a time, a page at most this many. */
    static final int MAX_PAGE = FeatherBaseUserService.MOST_READ;

    /** Every user with the databases it may use, streamed; or one page of them ({@code first}, {@code count}). */
    @GET
    @Operation(summary = "Every user with the databases it may use", description = "Without first and count: every user, in name "
            + "order, streamed (the list of names is read once, their grants a hundred users at a time, so a user deleted meanwhile "
            + "is left out). With either: users first to first + count - 1 (count 1-100, default 100), with X-Total-Count and a "
            + "Link to the next page.")
    @APIResponse(responseCode = "200", description = "Users", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "users", value = "[{\"databases\":[\"shop\"],\"name\":\"alice\"}]")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response list(@QueryParam("first") String firstText, @QueryParam("count") String countText) {
        List<String> names = users.userNames();
        if (firstText == null && countText == null) {
            return Response.ok(streamed(names)).build();
        }
        int first = (int) Math.min(QueryNumbers.parse("first", firstText == null ? "0" : firstText, 0, Long.MAX_VALUE), names.size());
        int count = (int) QueryNumbers.parse("count", countText == null ? String.valueOf(MAX_PAGE) : countText, 1, MAX_PAGE);
        int end = Math.min(names.size(), first + count);
        Response.ResponseBuilder answer = Response.ok(users.users(names.subList(first, end))).header("X-Total-Count", names.size());
        if (end < names.size()) {
            answer.link(uri.getRequestUriBuilder().replaceQueryParam("first", end).replaceQueryParam("count", count).build(), "next");
        }
        return answer.build();
    }

    /** The users as a JSON array written a page at a time, each as {@code GET /users/{name}} shows it. */
    private StreamingOutput streamed(List<String> names) {
        return out -> {
            try {
                // Not closed: the container closes the response stream.
                JsonGenerator json = Json.createGenerator(out);
                json.writeStartArray();
                for (int from = 0; from < names.size(); from += MAX_PAGE) {
                    for (FeatherBaseUserService.UserView user : users.users(names.subList(from, Math.min(names.size(), from + MAX_PAGE)))) {
                        json.writeStartObject().writeStartArray("databases");
                        user.databases().forEach(json::write);
                        json.writeEnd().write("name", user.name()).writeEnd();
                    }
                }
                json.writeEnd();
                json.flush();
            } catch (JsonException e) { // the client went away
                throw e.getCause() instanceof IOException io ? io : new IOException(e);
            }
        };
    }

    /** One user with the databases it may use. */
    @GET
    @Path("{name}")
    @Operation(summary = "One user with the databases it may use")
    @APIResponse(responseCode = "200", description = "The user", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "user", value = "{\"databases\":[\"shop\"],\"name\":\"alice\"}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public FeatherBaseUserService.UserView user(@PathParam("name") String name) {
        return users.user(name).orElseThrow(() -> new NotFoundException("No FeatherBase user named " + ErrorResponses.cut(name)));
    }

    /** Creates the user, or sets its password: body {@code {"password": "..."}}. */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates the user or sets its password")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "password", value = "{\"password\":\"s3cret\"}")))
    @APIResponse(responseCode = "204", description = "Saved")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public void save(@PathParam("name") String name, JsonObject body) throws FeatherBaseRefusal {
        if (body == null || !(body.get("password") instanceof JsonString password)) {
            throw new BadRequestException("Send {\"password\": \"...\"}: the password must be a JSON string");
        }
        JsonFields.only(body, "password");
        users.saveUser(name, password.getString());
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Deletes the user and its grants")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@PathParam("name") String name) throws FeatherBaseRefusal {
        users.deleteUser(name);
    }

    /** Lets the user use a database ({@code *}: every database). */
    @PUT
    @Path("{name}/grants/{database}")
    @Operation(summary = "Lets the user use a database (*: every database)", description = "A grant is by name: the database need "
            + "not exist yet, and one created later under that name is the user's to use. 404: no such user; 422: a name a "
            + "FeatherBase database cannot have.")
    @APIResponse(responseCode = "204", description = "Granted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public void grant(@PathParam("name") String name, @PathParam("database") String database) throws FeatherBaseRefusal {
        users.grant(name, database);
    }

    @DELETE
    @Path("{name}/grants/{database}")
    @Operation(summary = "Takes the database back from the user")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void revoke(@PathParam("name") String name, @PathParam("database") String database) throws FeatherBaseRefusal {
        users.revoke(name, database);
    }
}
