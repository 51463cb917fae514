package dev.portico.jca.transport;

/**
 * The bound on what a listener's connections hold of requests still arriving: every connection reads into a small
 * buffer of its own ({@link Connection#INITIAL_BUFFER}); a request larger than that takes room for a whole request
 * (the request limit) out of this budget and grows the buffer as it arrives. Without it the limits would multiply
 * (10,000 connections, each with a request of 1 MiB arriving slowly, want 10 GiB); with it, a connection that finds
 * the budget spent waits, unread, until requests finished elsewhere give room back, or until its read timeout answers
 * it as the protocol answers a request that came too slowly. Whole-request room means every holder can finish: none
 * waits half way for room another holder keeps. A buffer goes back to its small size, and its room to the budget, as
 * soon as it is empty. Used by its listener's selector thread only.
 */
final class InputBudget {

    private final long bytes;
    private long used;
    /** The most ever used at once (read by tests from other threads). */
    private volatile long peak;
    /** Room was given back since the waiting connections were last woken. */
    private boolean given;

    /** @param bytes what the buffers may hold beyond their small size, together */
    InputBudget(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("an input budget must be positive, got " + bytes);
        }
        this.bytes = bytes;
    }

    /** Takes {@code n} bytes of the budget; false (and nothing taken) when that much is not left. */
    boolean take(long n) {
        if (used + n > bytes) {
            return false;
        }
        used += n;
        if (used > peak) {
            peak = used;
        }
        return true;
    }

    void give(long n) {
        if (n > 0) {
            used -= n;
            given = true;
        }
    }

    /** Whether room was given back since the last call. */
    boolean takeGiven() {
        boolean was = given;
        given = false;
        return was;
    }

    long used() {
        return used;
    }

    long peak() {
        return peak;
    }
}
