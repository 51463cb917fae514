package dev.portico.application.internal;

import dev.portico.domain.rental.RentalDraft;
import dev.portico.domain.rental.RentalIntakeStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** Writes a group of intakes in one container-managed transaction, committed when {@link #storeAll} returns. */
@Stateless
public class RentalIntakeWriter {

    @Inject
    private RentalIntakeStore rentals;

    /** Stores every intake's rentals, intake after intake, each in its order; the outcome of each is how many it stored. */
    public List<Integer> storeAll(List<List<RentalDraft>> intakes) {
        List<RentalDraft> all = new ArrayList<>();
        intakes.forEach(all::addAll);
        rentals.store(all);
        return intakes.stream().map(List::size).toList();
    }
}
