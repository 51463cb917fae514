package dev.portico.application.internal;

import dev.portico.application.DatabaseAvailability;
import dev.portico.domain.rental.RentalDraft;
import dev.portico.domain.rental.RentalPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Group commit of concurrent intakes ({@link GroupCommit}): whoever holds the commit lock writes the
 * intakes queued so far (up to {@value #MAX_GROUP_RENTALS} rentals, or one larger intake alone) in one
 * transaction of {@link RentalIntakeWriter}: one batch of renters, one of rentals, one COMMIT; each intake
 * returns only after the commit of its own rentals. A failed group is written again one intake at a
 * time, so that one intake's failure (a rule the database enforces, a lost deadlock) is never another's;
 * unless the database is unreachable: then every intake of the group gets that failure at once.
 */
@ApplicationScoped
public class RentalIntakeGroupCommit {

    /** The most rentals one group transaction writes (one intake may hold as many). */
    static final int MAX_GROUP_RENTALS = RentalPayload.MAX_RENTALS;

    @Inject
    private RentalIntakeWriter writer;

    @Inject
    private DatabaseAvailability database;

    private final GroupCommit<List<RentalDraft>, Integer> group =
            new GroupCommit<>(intakes -> writer.storeAll(intakes), failure -> database.outage(failure), MAX_GROUP_RENTALS, List::size);

    /** Stores one intake's rentals, in their order; returns once they are committed (or throws why they are not). */
    public void store(List<RentalDraft> rentals) {
        group.write(rentals);
    }
}
