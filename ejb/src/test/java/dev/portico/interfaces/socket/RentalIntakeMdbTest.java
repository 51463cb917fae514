package dev.portico.interfaces.socket;

import dev.portico.application.RentalIntakeService;
import dev.portico.domain.rental.InvalidRentalException;
import dev.portico.jca.api.RentalIntakeReply;
import dev.portico.jca.api.RentalIntakeRequest;
import dev.portico.jca.api.RentalValue;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.portico.interfaces.socket.BeanStubs.stub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What each outcome of a rental intake becomes on the wire: stored, the refusal's sentence, or the generic error. */
class RentalIntakeMdbTest {

    private static final RentalIntakeRequest REQUEST = new RentalIntakeRequest(
            new RentalValue.Mapping(Map.of(new RentalValue.Text("users"), new RentalValue.Text("..."))));

    @Test
    void storedRentalsAnswerStored() {
        assertEquals(new RentalIntakeReply.Stored(), answer(args -> {
            assertEquals(SentValues.of(REQUEST.payload()), args[0], "the payload is handed on as decoded, typed for the domain");
            return 1;
        }));
    }

    @Test
    void aRefusedPayloadAnswersTheRefusalsSentence() {
        assertEquals(new RentalIntakeReply.Refused("users[0]: gender must be M or F, got 'X'"), answer(args -> {
            throw new InvalidRentalException("users[0]: gender must be M or F, got 'X'");
        }));
    }

    @Test
    void whileTheDatabaseIsDownAnIntakeGetsTheGenericErrorWithoutCallingTheService() {
        RentalIntakeMdb mdb = BeanStubs.inject(new RentalIntakeMdb(), stub(RentalIntakeService.class, "none", args -> null), BeanStubs.DOWN);
        assertEquals(RentalIntakeReply.serverError(), mdb.onIntake(REQUEST));
    }

    @Test
    void anOutageDuringTheIntakeIsTheGenericErrorAndAnyOtherFailureIsThrownToTheAdapter() {
        assertEquals(RentalIntakeReply.serverError(), answer(args -> {
            throw BeanStubs.connectionLost();
        }));
        IllegalStateException bug = new IllegalStateException("a bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> answer(args -> {
            throw bug;
        })));
    }

    private static RentalIntakeReply answer(BeanStubs.Answer answer) {
        return BeanStubs.inject(new RentalIntakeMdb(), stub(RentalIntakeService.class, "intake", answer), BeanStubs.UP).onIntake(REQUEST);
    }
}
