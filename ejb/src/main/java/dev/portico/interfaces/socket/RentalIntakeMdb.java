package dev.portico.interfaces.socket;

import dev.portico.application.DatabaseAvailability;
import dev.portico.application.RentalIntakeService;
import dev.portico.domain.rental.InvalidRentalException;
import dev.portico.jca.api.RentalIntakeListener;
import dev.portico.jca.api.RentalIntakeReply;
import dev.portico.jca.api.RentalIntakeRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The car-rental intake listener (port 1234 by default; see server.xml). A request's rentals are
 * stored in one transaction, committed before the success reply, or not at all. While the database
 * is unreachable every intake is refused at once, with nothing stored.
 */
@MessageDriven(messageListenerInterface = RentalIntakeListener.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RentalIntakeMdb implements RentalIntakeListener {

    /** The protocol's generic error, given here without the transport logging a failure. */
    private static final RentalIntakeReply UNAVAILABLE = RentalIntakeReply.serverError();
    private static final RentalIntakeReply STORED = new RentalIntakeReply.Stored();

    @EJB
    private RentalIntakeService intake;

    @EJB
    private DatabaseAvailability database;

    private final KeptAvailabilityCheck available = new KeptAvailabilityCheck();

    @Override
    public RentalIntakeReply onIntake(RentalIntakeRequest request) {
        try {
            return available.retried(database, () -> {
                intake.intake(SentValues.of(request.payload()));
                return STORED;
            }, UNAVAILABLE);
        } catch (InvalidRentalException e) {
            return new RentalIntakeReply.Refused(e.getMessage());
        }
    }
}
