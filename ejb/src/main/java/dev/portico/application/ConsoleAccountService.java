package dev.portico.application;

import dev.portico.domain.account.AccountRefusal;
import dev.portico.domain.account.Role;

import java.util.List;
import java.util.Optional;

/** Who may sign in to the console and the JSON API, and as what. Each call is one transaction. */
public interface ConsoleAccountService {

    /** An account as the console lists it. */
    record AccountView(String name, Role role) { }

    /** A signed-in session's account as it stands: its role, and its password's stamp (see {@link #signedIn}). */
    record SignedIn(Role role, String passwordStamp) { }

    /**
     * The account's role and password stamp when the password is its own; empty otherwise (no such account, wrong
     * password, or a client that must wait: failures slow down per account and client address, counted alike by every
     * server on the database; beyond the free ones, an attempt made too early fails without checking).
     */
    Optional<SignedIn> authenticate(String name, String password, String clientAddress);

    /**
     * The account's current role and a stamp of its current password, empty when it no longer exists (no password
     * check: for sessions already signed in, which keep the stamp they began with and end when it changes).
     */
    Optional<SignedIn> signedIn(String name);

    List<AccountView> accounts();

    void create(String name, String password, Role role) throws AccountRefusal;

    /** Sets a new password; returns its stamp (see {@link #signedIn}), read in the same transaction. */
    String changePassword(String name, String password) throws AccountRefusal;

    /** Changes a role; the last admin cannot become a viewer. */
    void changeRole(String name, Role role) throws AccountRefusal;

    /** Deletes an account; the last admin cannot be deleted. */
    void delete(String name) throws AccountRefusal;

    /**
     * Creates the first admin, {@code admin}, when no admin exists: with {@code configuredPassword}, or
     * with a generated one when that is empty.
     *
     * @return the generated password, when one was generated and stored (to be shown once); otherwise empty
     */
    Optional<String> createFirstAdmin(String configuredPassword) throws AccountRefusal;
}
