package dev.portico.it;

import dev.portico.application.ConsoleAccountService;
import dev.portico.application.ConsoleAccountService.SignedIn;
import dev.portico.domain.account.AccountRefusal;
import dev.portico.domain.account.Role;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console account service inside Liberty, on MariaDB: passwords, roles, the first and the last admin. */
@ExtendWith(ArquillianExtension.class)
class ConsoleAccountServiceIT {

    /** The client address these logins come from (a documentation address no other test uses). */
    private static final String CLIENT = "192.0.2.10";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(Deployments.testWar().addClass(ConsoleAccountServiceIT.class));
    }

    @Inject
    private ConsoleAccountService accounts;

    @AfterEach
    void removeTestAccounts() throws Exception {
        for (ConsoleAccountService.AccountView account : accounts.accounts()) {
            if (account.name().startsWith("svc-")) {
                accounts.delete(account.name());
            }
        }
    }

    @Test
    void theFirstAdminHasTheConfiguredPasswordAndIsNotCreatedTwice() throws Exception {
        assertEquals(Optional.of(Role.ADMIN), accounts.authenticate(ItEnvironment.adminUser(), ItEnvironment.adminPassword(), CLIENT).map(SignedIn::role));
        assertEquals(Optional.empty(), accounts.createFirstAdmin("another-password"), "an admin exists: nothing is generated");
        assertEquals(Optional.empty(), accounts.authenticate(ItEnvironment.adminUser(), "another-password", CLIENT).map(SignedIn::role), "and nothing changed");
    }

    @Test
    void aPasswordAuthenticatesItsAccountOnlyAndAChangedPasswordRetiresTheOldOneAtOnce() throws Exception {
        accounts.create("svc-reader", "first-password", Role.VIEWER);
        assertEquals(Optional.of(Role.VIEWER), accounts.authenticate("svc-reader", "first-password", CLIENT).map(SignedIn::role));
        assertEquals(Optional.of(Role.VIEWER), accounts.authenticate("svc-reader", "first-password", CLIENT).map(SignedIn::role), "remembered, same answer");
        assertEquals(Optional.empty(), accounts.authenticate("svc-reader", "First-password", CLIENT).map(SignedIn::role));
        assertEquals(Optional.empty(), accounts.authenticate("svc-nobody", "first-password", CLIENT).map(SignedIn::role));

        String stamp = accounts.signedIn("svc-reader").orElseThrow().passwordStamp();
        assertEquals(stamp, accounts.signedIn("svc-reader").orElseThrow().passwordStamp(), "a stamp stays while the password does");
        String changed = accounts.changePassword("svc-reader", "second-password");
        assertEquals(changed, accounts.signedIn("svc-reader").orElseThrow().passwordStamp(), "the stamp it returns is the one stored");
        assertEquals(Optional.empty(), accounts.authenticate("svc-reader", "first-password", CLIENT).map(SignedIn::role), "the old password no longer works");
        assertEquals(Optional.of(Role.VIEWER), accounts.authenticate("svc-reader", "second-password", CLIENT).map(SignedIn::role));
        assertNotEquals(stamp, accounts.signedIn("svc-reader").orElseThrow().passwordStamp(), "sessions signed in before end");
        String second = accounts.signedIn("svc-reader").orElseThrow().passwordStamp();
        accounts.changePassword("svc-reader", "second-password");
        assertNotEquals(second, accounts.signedIn("svc-reader").orElseThrow().passwordStamp(), "the same password set again: a new salt");
    }

    @Test
    void namesAreExactAndPasswordsHaveAMinimumLength() throws Exception {
        assertEquals(AccountRefusal.Reason.INVALID,
                assertThrows(AccountRefusal.class, () -> accounts.create("svc-x ", "long-enough", Role.VIEWER)).reason());
        assertEquals(AccountRefusal.Reason.INVALID,
                assertThrows(AccountRefusal.class, () -> accounts.create("svc-short", "short", Role.VIEWER)).reason());
        assertEquals(AccountRefusal.Reason.INVALID,
                assertThrows(AccountRefusal.class, () -> accounts.create("svc-norole", "long-enough", null)).reason(), "a role must be chosen");
        accounts.create("svc-dup", "long-enough", Role.VIEWER);
        assertEquals(AccountRefusal.Reason.INVALID,
                assertThrows(AccountRefusal.class, () -> accounts.changeRole("svc-dup", null)).reason());
        assertEquals(AccountRefusal.Reason.EXISTS,
                assertThrows(AccountRefusal.class, () -> accounts.create("svc-dup", "long-enough", Role.ADMIN)).reason());
        assertEquals(Optional.empty(), accounts.signedIn("SVC-DUP"), "names compare exactly");
        AccountRefusal variant = assertThrows(AccountRefusal.class, () -> accounts.create("SVC-Dup", "long-enough", Role.VIEWER));
        assertEquals(AccountRefusal.Reason.EXISTS, variant.reason(), "but a name differing only in case is not created beside it");
        assertEquals("An account named svc-dup exists already; names that differ only in case are not told apart", variant.getMessage());
        assertEquals(Optional.empty(), accounts.signedIn("SVC-Dup"));
    }

    @Test
    void theLastAdminCannotBeDemotedOrDeletedButOneOfTwoCan() throws Exception {
        assertEquals(1, accounts.accounts().stream().filter(a -> a.role() == Role.ADMIN).count(), "only the first admin");
        assertEquals(AccountRefusal.Reason.LAST_ADMIN,
                assertThrows(AccountRefusal.class, () -> accounts.changeRole(ItEnvironment.adminUser(), Role.VIEWER)).reason());
        assertEquals(AccountRefusal.Reason.LAST_ADMIN,
                assertThrows(AccountRefusal.class, () -> accounts.delete(ItEnvironment.adminUser())).reason());

        accounts.create("svc-admin", "long-enough", Role.ADMIN);
        accounts.changeRole("svc-admin", Role.VIEWER);
        assertEquals(Optional.of(Role.VIEWER), accounts.signedIn("svc-admin").map(SignedIn::role));
        accounts.changeRole("svc-admin", Role.ADMIN);
        accounts.delete("svc-admin");
        assertTrue(accounts.signedIn("svc-admin").isEmpty());
        assertEquals(Optional.of(Role.ADMIN), accounts.signedIn(ItEnvironment.adminUser()).map(SignedIn::role));
    }
}
