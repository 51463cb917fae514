/**
 * Car-rental intake's model: renters, rentals (car model, kilometres, times), the validation of an
 * intake payload (the same for the socket's pickle and the HTTP JSON), and the repository contract.
 */
package dev.portico.domain.rental;
