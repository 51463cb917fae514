package dev.portico.application.internal;

import dev.portico.application.RentalIntakeService;
import dev.portico.domain.rental.InvalidRentalException;
import dev.portico.domain.rental.RentalDraft;
import dev.portico.domain.rental.RentalPayload;
import dev.portico.domain.rental.RentalIntakeStore;
import dev.portico.domain.rental.SentValue;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rental intake, one container-managed transaction per request, written in plain JDBC (RentalIntakeStore). */
@Stateless
public class DefaultRentalIntakeService implements RentalIntakeService {

    @Inject
    private RentalIntakeStore rentals;

    @Override
    public int intake(SentValue payload) throws InvalidRentalException {
        List<RentalDraft> drafts = RentalPayload.rentals(payload);
        // Renters first, in one global order, so concurrent intakes lock renter rows in the same order.
        Map<String, Long> renters = new HashMap<>();
        drafts.stream().sorted(Comparator.comparing(RentalDraft::renter).thenComparing(RentalDraft::gender))
                .forEach(d -> renters.computeIfAbsent(d.gender() + d.renter(), key -> rentals.renter(d.renter(), d.gender())));
        for (RentalDraft draft : drafts) {
            rentals.store(renters.get(draft.gender() + draft.renter()), draft);
        }
        return drafts.size();
    }
}
