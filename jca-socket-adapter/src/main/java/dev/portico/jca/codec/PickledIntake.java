package dev.portico.jca.codec;

import dev.portico.jca.api.RentalIntakeReply;
import dev.portico.jca.api.RentalIntakeRequest;

/**
 * A rental intake framed but not unpickled yet: the selector thread only finds where the pickle
 * ends ({@link PickleScanner}, linear and cheap); building its values, which can take up to the
 * decoder's work budget, happens on the worker thread that answers the request.
 */
public record PickledIntake(byte[] pickle) {

    /** The request the pickle describes; the reply for a refused pickle is {@link #refusal}. */
    public RentalIntakeRequest unpickle() throws PickleException {
        return new RentalIntakeRequest(PickleDecoder.decode(pickle));
    }

    /** The protocol's answer to a pickle the decoder refused: {@code Error: <problem>}. */
    public static RentalIntakeReply refusal(PickleException problem) {
        return new RentalIntakeReply.Refused(problem.getMessage());
    }
}
