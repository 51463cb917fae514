package dev.portico.domain.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleAccountTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " admin", "admin ", "ad min", "émile", "a/b", "x\u0000"})
    void namesOutsideLettersDigitsDotDashUnderscoreAreRefused(String name) {
        assertEquals(AccountRefusal.Reason.INVALID, assertThrows(AccountRefusal.class, () -> new ConsoleAccount(name, "long-enough", Role.VIEWER)).reason());
    }

    @Test
    void aNameHasAtMost64Characters() throws Exception {
        new ConsoleAccount("a".repeat(64), "long-enough", Role.VIEWER);
        assertThrows(AccountRefusal.class, () -> new ConsoleAccount("a".repeat(65), "long-enough", Role.VIEWER));
    }

    @Test
    void aPasswordHasEightTo256Characters() throws Exception {
        assertThrows(AccountRefusal.class, () -> new ConsoleAccount("alice", "7-chars", Role.VIEWER));
        new ConsoleAccount("alice", "8-chars!", Role.VIEWER);
        new ConsoleAccount("alice", "p".repeat(256), Role.VIEWER);
        assertThrows(AccountRefusal.class, () -> new ConsoleAccount("alice", "p".repeat(257), Role.VIEWER));
    }

    @Test
    void onlyItsOwnPasswordMatchesAndNoneAfterItChanged() throws Exception {
        ConsoleAccount account = new ConsoleAccount("alice", "correct horse", Role.ADMIN);
        assertTrue(account.passwordMatches("correct horse"));
        assertFalse(account.passwordMatches("correct horse "));
        assertFalse(account.passwordMatches(null));
        String before = account.verifiedKey("correct horse");
        account.changePassword("battery staple");
        assertFalse(account.passwordMatches("correct horse"));
        assertTrue(account.passwordMatches("battery staple"));
        assertNotEquals(before, account.verifiedKey("correct horse"), "a remembered verification dies with the old hash");
    }

    @Test
    void anAccountWithoutARoleIsRefusedNotStored() {
        AccountRefusal refusal = assertThrows(AccountRefusal.class, () -> new ConsoleAccount("alice", "long-enough", null));
        assertEquals(AccountRefusal.Reason.INVALID, refusal.reason());
        assertEquals("Choose a role: admin or viewer", refusal.getMessage());
    }

    @Test
    void rolesReadAndWriteTheirStoredNames() {
        assertEquals("admin", Role.ADMIN.id());
        assertEquals(Role.VIEWER, Role.of("viewer"));
        assertThrows(IllegalArgumentException.class, () -> Role.of("root"));
    }
}
