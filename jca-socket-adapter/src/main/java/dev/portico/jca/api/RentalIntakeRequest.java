package dev.portico.jca.api;

/**
 * A rental intake as the client's pickle described it, decoded to plain data only: {@code Map},
 * {@code List} (lists and tuples), {@code String}, {@code Long}/{@code BigInteger}, {@code Double},
 * {@code Boolean}, {@code byte[]} and {@code null}. Its meaning is checked by the application.
 */
public record RentalIntakeRequest(Object payload) { }
