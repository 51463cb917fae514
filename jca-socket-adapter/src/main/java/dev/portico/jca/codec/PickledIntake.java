package dev.portico.jca.codec;

import dev.portico.jca.api.RentalIntakeReply;
import dev.portico.jca.api.RentalIntakeRequest;

import java.util.concurrent.Semaphore;

/**
 * A rental intake framed but not unpickled yet: the selector thread only finds where the pickle
 * ends ({@link PickleScanner}, linear and cheap); building its values, which can take up to the
 * decoder's work budget, happens on the worker thread that answers the request. Pickles over
 * {@value #SMALL_PICKLE} bytes (the budget grows with the size) are unpickled by at most half the
 * processors at once (at least one), in arrival order, so that clients sending costly pickles
 * cannot take every processor from the others; smaller ones, such as a typical intake, never wait.
 */
public record PickledIntake(byte[] pickle) {

    static final int SMALL_PICKLE = 4096;
    private static final Semaphore LARGE_DECODES = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);

    /** The request the pickle describes, its values typed; the reply for a refused pickle is {@link #refusal}. */
    public RentalIntakeRequest unpickle() throws PickleException {
        if (pickle.length <= SMALL_PICKLE) {
            return new RentalIntakeRequest(RentalValues.payload(PickleDecoder.decode(pickle)));
        }
        LARGE_DECODES.acquireUninterruptibly();
        try {
            return new RentalIntakeRequest(RentalValues.payload(PickleDecoder.decode(pickle)));
        } finally {
            LARGE_DECODES.release();
        }
    }

    /** The protocol's answer to a pickle the decoder refused: {@code Error: <problem>}. */
    public static RentalIntakeReply refusal(PickleException problem) {
        return new RentalIntakeReply.Refused(problem.getMessage());
    }
}
