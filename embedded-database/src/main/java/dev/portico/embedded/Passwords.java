package dev.portico.embedded;

import java.security.SecureRandom;

/** Passwords made for one install: 32 letters and digits (no look-alikes such as 0/O, 1/l/I), from a secure random source. */
public final class Passwords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** A new password. */
    public static String generated() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
