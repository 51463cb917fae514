package dev.portico.jca.api;

/** The answers to a rental intake. */
public sealed interface RentalIntakeReply {

    /** Everything was stored: {@code Data received and stored successfully}. */
    record Stored() implements RentalIntakeReply { }

    /** Nothing was stored: {@code Error: <problem>}. */
    record Refused(String problem) implements RentalIntakeReply { }

    /** The generic error, for an unexpected failure or an unreachable database: nothing was stored, retry. */
    static RentalIntakeReply serverError() {
        return new Refused("the server failed to store the rentals; nothing was stored, please retry");
    }
}
