package dev.portico.jca.transport;

import dev.portico.jca.api.ListenerStatistics.Problem;
import dev.portico.jca.api.ListenerStatistics.ProblemKind;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one listener has served, safe to read from any thread. Counting a request costs one
 * uncontended {@link LongAdder} increment; only errors and refusals take the time and build text.
 */
final class ListenerCounters {

    /** Longest problem description kept (a reply or exception message can be long). */
    static final int MAX_DESCRIPTION = 300;

    private final LongAdder accepted = new LongAdder();
    private final LongAdder open = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final AtomicReference<Problem> lastProblem = new AtomicReference<>();
    /** Requests in flight, by command, problems by kind and latency. */
    final TrafficCounters traffic = new TrafficCounters();

    void connectionOpened() {
        accepted.increment();
        open.increment();
    }

    void connectionClosed() {
        open.decrement();
    }

    /** A request the application answered (whether it succeeded or failed). */
    void answered() {
        requests.increment();
    }

    /** A request the application failed to answer: counted as an error (its reply is counted by {@link #answered()}). */
    void failed(String client, String what, Throwable cause) {
        errors.increment();
        traffic.problem("connection".equals(what) ? "connection" : "application");
        lastProblem.set(new Problem(Instant.now(), ProblemKind.ERROR, shorten(what + " from " + client + " failed: " + describe(cause))));
    }

    /**
     * A request the protocol answered itself because of the client's input.
     *
     * @param why   what was wrong, such as {@code bad input} or {@code timed out}
     * @param reply the answer sent
     */
    void refused(String client, String why, byte[] reply) {
        requests.increment();
        refused.increment();
        traffic.problem(kindOfRefusal(why));
        lastProblem.set(new Problem(Instant.now(), ProblemKind.REFUSED, shorten(why + " from " + client + ", answered: " + printable(reply))));
    }

    /** A client cut off during its reply (its request is counted when the application has answered it). */
    void cutOff(String client, String why) {
        refused.increment();
        traffic.problem("cut_off");
        lastProblem.set(new Problem(Instant.now(), ProblemKind.REFUSED, shorten(why + ": " + client + " was cut off")));
    }

    long accepted() {
        return accepted.sum();
    }

    int open() {
        return (int) open.sum();
    }

    long requests() {
        return requests.sum();
    }

    long errors() {
        return errors.sum();
    }

    long refused() {
        return refused.sum();
    }

    Problem lastProblem() {
        return lastProblem.get();
    }

    /** The problem kind of a refusal, by the reason the listener gives ({@code bad input}, {@code timed out}, {@code incomplete request}). */
    static String kindOfRefusal(String why) {
        return switch (why) {
            case "timed out" -> "timed_out";
            case "incomplete request" -> "incomplete";
            default -> "bad_input";
        };
    }

    /** The exception and its root cause, as {@code Type: message}. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? outer : outer + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    /** A reply's text with control characters (such as FeatherBase's EOT) shown as spaces and trailing ones dropped. */
    static String printable(byte[] reply) {
        String text = new String(reply, 0, Math.min(reply.length, MAX_DESCRIPTION * 4), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return out.toString().strip();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
