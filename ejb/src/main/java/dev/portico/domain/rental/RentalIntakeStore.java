package dev.portico.domain.rental;

/**
 * Where an intake writes: a renter found or added, then its rentals, one statement each, in the
 * caller's transaction (the reports and listings read through {@link RentalRepository}).
 */
public interface RentalIntakeStore {

    /** The id of the renter with this name and gender, added if new; concurrent intakes of one renter never collide. */
    long renter(String name, char gender);

    /** Stores one rental of the renter {@code renterId}. */
    void store(long renterId, RentalDraft draft);
}
