package dev.portico.domain.rental;

import java.util.List;

/**
 * Where intakes write, in the caller's transaction: the renters found or added, then the rentals (the
 * reports and listings read through {@link RentalRepository}).
 */
public interface RentalIntakeStore {

    /**
     * Stores the rentals in their order (their ids ascend so), each under its renter (name and gender),
     * which is added first if new; concurrent writers of one renter never collide.
     */
    void store(List<RentalDraft> rentals);
}
