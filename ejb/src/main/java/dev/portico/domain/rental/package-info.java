/**
 * Car-rental intake's model: renters, rentals (car model, kilometres, times), the validation of an
 * intake payload (the same for the socket's pickle and the HTTP JSON), which rentals a list or report
 * selects ({@code RentalQuery}) and what it shows of them, and the repository contract.
 */
package dev.portico.domain.rental;
