package dev.portico.application;

import dev.portico.domain.featherbase.FeatherBaseRefusal;

import java.util.List;

/** Administration of FeatherBase users and their per-database grants ({@code *}: every database). */
public interface FeatherBaseUserService {

    /** A user with its grants. */
    record UserView(String name, List<String> databases) { }

    List<UserView> users();

    /** Creates a user, or sets the password of an existing one. */
    void saveUser(String name, String password) throws FeatherBaseRefusal;

    void deleteUser(String name) throws FeatherBaseRefusal;

    void grant(String user, String database) throws FeatherBaseRefusal;

    void revoke(String user, String database) throws FeatherBaseRefusal;
}
