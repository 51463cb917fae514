package dev.portico.jca.api;

/**
 * A rental intake as the client's pickle described it, typed ({@link RentalValue}): normally a
 * {@link RentalValue.Mapping} of {@code 'users'}, {@code 'CarStatus'} and {@code 'Time_Rent'} lists
 * of pairs. Its shape and meaning are checked by the application.
 */
public record RentalIntakeRequest(RentalValue payload) { }
