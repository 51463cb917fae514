package dev.portico.web.rest;

import dev.portico.application.FeatherBaseUserService;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * FeatherBase users and their grants over HTTP. A listener with authentication required accepts
 * a connection's commands after {@code auth} with one of these users, and only on granted databases.
 */
@Path("featherbase/users")
@Produces(MediaType.APPLICATION_JSON)
public class FeatherBaseUserResource {

    @EJB
    private FeatherBaseUserService users;

    /** Every user with the databases it may use. */
    @GET
    public List<FeatherBaseUserService.UserView> list() {
        return users.users();
    }

    /** Creates the user, or sets its password: body {@code {"password": "..."}}. */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public void save(@PathParam("name") String name, JsonObject body) throws FeatherBaseRefusal {
        if (body == null || !(body.get("password") instanceof JsonString password)) {
            throw new BadRequestException("Send {\"password\": \"...\"}: the password must be a JSON string");
        }
        users.saveUser(name, password.getString());
    }

    @DELETE
    @Path("{name}")
    public void delete(@PathParam("name") String name) throws FeatherBaseRefusal {
        users.deleteUser(name);
    }

    /** Lets the user use a database ({@code *}: every database). */
    @PUT
    @Path("{name}/grants/{database}")
    public void grant(@PathParam("name") String name, @PathParam("database") String database) throws FeatherBaseRefusal {
        users.grant(name, database);
    }

    @DELETE
    @Path("{name}/grants/{database}")
    public void revoke(@PathParam("name") String name, @PathParam("database") String database) throws FeatherBaseRefusal {
        users.revoke(name, database);
    }
}
