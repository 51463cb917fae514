package dev.portico.infrastructure.security;

import dev.portico.application.ConsoleAccountService;
import dev.portico.domain.account.AccountRefusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.logging.Logger;

/**
 * At start-up, once the schema is current: when no admin exists, creates {@code admin} with the
 * password of the server variable {@code portico.admin.password}, or with a generated one that is
 * printed once in the server log. There is no built-in default password.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    /** server.xml binds portico.admin.password here; Liberty binds no entry for the empty default. */
    static final String PASSWORD_ENTRY = "portico/admin/password";

    @EJB
    private ConsoleAccountService accounts;

    @PostConstruct
    void create() {
        String configured = configuredPassword();
        try {
            accounts.createFirstAdmin(configured).ifPresentOrElse(
                    generated -> LOG.warning("Portico console: created the first admin 'admin' with the generated password "
                            + generated + " (shown only this once; sign in at /portico/ and change it, or set portico.admin.password"
                            + " before the first start)"),
                    () -> LOG.fine("Portico console: an admin exists"));
        } catch (AccountRefusal e) {
            LOG.severe("Portico console: cannot create the first admin from portico.admin.password: " + e.getMessage()
                    + "; no one can sign in until it is fixed and the server restarted");
        } catch (RuntimeException e) {
            // Another server on the same database created it at the same moment: one admin exists, which is the point.
            LOG.info("Portico console: the first admin was not created here (" + e.getMessage() + ")");
        }
    }

    private static String configuredPassword() {
        try {
            Object value = new InitialContext().lookup(PASSWORD_ENTRY);
            return value == null ? "" : value.toString().strip();
        } catch (NamingException unset) {
            return "";
        }
    }
}
