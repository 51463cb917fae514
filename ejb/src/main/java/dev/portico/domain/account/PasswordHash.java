package dev.portico.domain.account;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}.
 * Checking a password costs tens of milliseconds of CPU, and anyone may ask for it (a login, a
 * FeatherBase {@code auth}), so checks are bounded: passwords longer than
 * {@value #MAX_PASSWORD_LENGTH} characters are never hashed, and at most half the processors
 * (at least one) check passwords at once; a check that cannot start within
 * {@value #MAX_WAIT_MILLIS} ms fails without hashing.
 */
public final class PasswordHash {

    /** The longest password accepted, in characters (UTF-16 units). */
    public static final int MAX_PASSWORD_LENGTH = 256;
    static final long MAX_WAIT_MILLIS = 1000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** Production's count for new hashes (OWASP's 2023 advice for PBKDF2-HMAC-SHA256). */
    static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Password checks running now; hashing new passwords (done by administrators) is not counted. */
    static final Semaphore CHECKS = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

    private PasswordHash() {
    }

    /**
     * A password's length in characters (code points: an emoji is one), as every password limit counts it; one far
     * over the limit (more than twice as many UTF-16 units) is not counted through: its unit count is answered.
     */
    public static int characters(String password) {
        return password.length() > 2 * MAX_PASSWORD_LENGTH ? password.length() : password.codePointCount(0, password.length());
    }

    /** The hash of a new password of at most {@value #MAX_PASSWORD_LENGTH} characters (callers check the length first). */
    public static String of(String password) {
        return of(password, ITERATIONS);
    }

    /**
     * The hash with another iteration count: for tests, which need not pay production's cost for each
     * hash ({@link #matches} reads the count from the stored hash, so such hashes check as any other).
     */
    static String of(String password, int iterations) {
        if (characters(password) > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password has at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + iterations + "$" + base64(salt) + "$" + base64(derive(password, salt, iterations));
    }

    /**
     * Whether the password matches the stored hash (compared in constant time). False without
     * hashing for a password longer than {@value #MAX_PASSWORD_LENGTH} characters, or when no check
     * could start within {@value #MAX_WAIT_MILLIS} ms because others were running.
     */
    public static boolean matches(String stored, String password) {
        if (password == null || characters(password) > MAX_PASSWORD_LENGTH) {
            return false;
        }
        try {
            if (!CHECKS.tryAcquire(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            return check(stored, password);
        } finally {
            CHECKS.release();
        }
    }

    private static boolean check(String stored, String password) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            if (iterations < 1 || iterations > 10 * ITERATIONS || salt.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(Base64.getDecoder().decode(parts[3]), derive(password, salt, iterations));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
