package dev.portico.domain.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Salted PBKDF2 password hashes. */
class PasswordHashTest {

    /** Iterations for the hashes these tests make; production's count is checked once, below. */
    private static final int TEST_ITERATIONS = 2_000;

    @Test
    void hashDoesNotContainThePassword() {
        String hash = fastHash("correct horse");

        assertNotEquals("correct horse", hash);
        assertFalse(hash.contains("correct horse"));
    }

    @Test
    void hashNamesItsAlgorithmAndProductionIterationsThenSaltAndHash() {
        String[] parts = PasswordHash.of("secret").split("\\$");

        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("210000", parts[1]);
    }

    @Test
    void twoHashesOfTheSamePasswordDifferBecauseOfTheSalt() {
        String first = fastHash("secret");
        String second = fastHash("secret");

        assertNotEquals(first, second);
        assertNotEquals(first.split("\\$")[2], second.split("\\$")[2], "the salts differ");
    }

    @Test
    void rightPasswordMatches() {
        assertTrue(PasswordHash.matches(fastHash("secret"), "secret"));
    }

    @Test
    void wrongPasswordDoesNotMatch() {
        String hash = fastHash("secret");

        assertFalse(PasswordHash.matches(hash, "Secret"));
        assertFalse(PasswordHash.matches(hash, "secret "));
        assertFalse(PasswordHash.matches(hash, ""));
    }

    @Test
    void nonAsciiAndEmptyPasswordsMatchThemselves() {
        assertTrue(PasswordHash.matches(fastHash("pässwörd😀"), "pässwörd😀"));
        assertFalse(PasswordHash.matches(fastHash("pässwörd😀"), "passwords"));
        assertTrue(PasswordHash.matches(fastHash(""), ""));
    }

    @Test
    void hashWithAnotherSaltOrIterationCountDoesNotMatch() {
        String[] parts = fastHash("secret").split("\\$");
        String[] other = fastHash("secret").split("\\$");

        assertFalse(PasswordHash.matches(parts[0] + "$" + parts[1] + "$" + other[2] + "$" + parts[3], "secret"), "salt swapped");
        assertFalse(PasswordHash.matches(parts[0] + "$1000$" + parts[2] + "$" + parts[3], "secret"), "iterations changed");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "",
            "secret",
            "pbkdf2-sha256",
            "pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA$AAAA$extra",
            "pbkdf2-sha1$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
            "$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
            "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$",
    })
    void malformedStoredHashDoesNotMatch(String stored) {
        assertFalse(PasswordHash.matches(stored, "secret"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "pbkdf2-sha256$many$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
            "pbkdf2-sha256$1000$not base64!$AAAA",
            "pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
            "pbkdf2-sha256$1000$$AAAA",
    })
    void storedHashWithUnreadableIterationsSaltOrHashNeverMatches(String stored) {
        // Parsing these throws inside (NumberFormatException, bad Base64, bad PBEKeySpec): matches answers false, it does not throw.
        assertFalse(assertDoesNotThrow(() -> PasswordHash.matches(stored, "secret")));
    }

    @Test
    void passwordsOfAtMost256CharactersAreHashedAndLongerOnesAreRefused() {
        String longest = "p".repeat(PasswordHash.MAX_PASSWORD_LENGTH);
        assertTrue(PasswordHash.matches(fastHash(longest), longest));
        assertThrows(IllegalArgumentException.class, () -> fastHash(longest + "p"));
        String emoji = "\uD83D\uDE00".repeat(PasswordHash.MAX_PASSWORD_LENGTH);
        assertTrue(PasswordHash.matches(fastHash(emoji), emoji), "characters are code points: 256 emoji are 256 characters");
        assertThrows(IllegalArgumentException.class, () -> fastHash(emoji + "p"));
    }

    @Test
    void anOverlongPasswordFailsAtOnceWithoutBeingHashed() {
        String hash = fastHash("secret");
        String tenMegabytes = "p".repeat(10_000_000);

        long start = System.nanoTime();
        assertFalse(PasswordHash.matches(hash, tenMegabytes));
        assertTrue(System.nanoTime() - start < 50_000_000, "no PBKDF2 run: well under one hash's time");
    }

    @Test
    void aCheckThatFindsEveryHashingSlotTakenFailsWithoutHashingAndTheNextOneWorksAgain() throws Exception {
        String hash = fastHash("secret");
        int permits = PasswordHash.CHECKS.availablePermits();
        PasswordHash.CHECKS.acquire(permits);
        try {
            long start = System.nanoTime();
            assertFalse(PasswordHash.matches(hash, "secret"), "no slot within the wait: refused");
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited >= PasswordHash.MAX_WAIT_MILLIS - 50 && waited < PasswordHash.MAX_WAIT_MILLIS + 2_000, waited + " ms");
        } finally {
            PasswordHash.CHECKS.release(permits);
        }
        assertTrue(PasswordHash.matches(hash, "secret"));
    }

    private static String fastHash(String password) {
        return PasswordHash.of(password, TEST_ITERATIONS);
    }
}
