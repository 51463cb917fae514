package dev.portico.application.internal;

import dev.portico.application.RentalIntakeService;
import dev.portico.domain.rental.InvalidRentalException;
import dev.portico.domain.rental.RentalDraft;
import dev.portico.domain.rental.RentalPayload;
import dev.portico.domain.rental.SentValue;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Rental intake: validated here, outside any transaction, then written by the group commit, in a
 * transaction shared with concurrent intakes and committed before this returns (plain JDBC, RentalIntakeStore).
 */
@Stateless
public class DefaultRentalIntakeService implements RentalIntakeService {

    @Inject
    private RentalIntakeGroupCommit groupCommit;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int intake(SentValue payload) throws InvalidRentalException {
        List<RentalDraft> drafts = RentalPayload.rentals(payload);
        groupCommit.store(drafts);
        return drafts.size();
    }
}
