package dev.portico.application;

import dev.portico.domain.featherbase.FeatherBaseRefusal;

import java.util.List;
import java.util.Optional;

/** Administration of FeatherBase users and their per-database grants ({@code *}: every database). */
public interface FeatherBaseUserService {

    /** Users {@link #users(List)} reads at once at most: each may have portico.featherbase.maxGrants grants. */
    int MOST_READ = 100;

    /** A user with its grants. */
    record UserView(String name, List<String> databases) { }

    /** Every user's name, in name order: at most {@code portico.featherbase.maxUsers}, so a list that is read whole. */
    List<String> userNames();

    /**
     * These users with their grants (at most {@code portico.featherbase.maxGrants} each), in the order given; a name that
     * is no user (deleted meanwhile) is left out. One read for all of them: a page of a list, at most {@link #MOST_READ}
     * names, not the whole list.
     */
    List<UserView> users(List<String> names);

    /** One user with its grants; empty when there is no such user. */
    Optional<UserView> user(String name);

    /** Creates a user, or sets the password of an existing one. */
    void saveUser(String name, String password) throws FeatherBaseRefusal;

    /** Deletes the user with its grants; {@code NOT_FOUND} when there is no such user (also for all but one of concurrent deletes). */
    void deleteUser(String name) throws FeatherBaseRefusal;

    void grant(String user, String database) throws FeatherBaseRefusal;

    /** Takes a grant back; {@code NOT_FOUND} when the user or the grant is missing (also for all but one of concurrent revokes). */
    void revoke(String user, String database) throws FeatherBaseRefusal;
}
