package dev.portico.jca.api;

import java.time.Instant;

/**
 * A read-only snapshot of one socket listener: where it listens, whether it does, and what it has
 * served since it started. Counts only grow while the listener lives; a restarted listener starts at 0.
 *
 * @param protocol            the protocol's configuration name ({@code customer-directory}, {@code featherbase}, {@code rental-intake})
 * @param bindAddress         the address bound, as configured ({@code 0.0.0.0} for every interface)
 * @param port                the port actually bound
 * @param listening           whether the listener accepts connections now (false once stopping, or if its loop failed)
 * @param since               when the listener started
 * @param openConnections     client connections open now
 * @param connectionsAccepted client connections accepted since the start
 * @param requests            requests answered since the start, the refused and failed ones included
 * @param errors              requests that failed in the application (answered with the protocol's generic error)
 * @param refused             requests answered by the protocol itself as malformed, oversized, unauthenticated,
 *                            timed out or cut short: the client's input was at fault
 * @param lastProblem         the latest error or refusal; null when there was none
 * @param traffic             requests in flight, by command, problems by kind, latency
 */
public record ListenerStatistics(String protocol, String bindAddress, int port, boolean listening, Instant since,
                                 int openConnections, long connectionsAccepted, long requests, long errors, long refused,
                                 Problem lastProblem, ListenerTraffic traffic) {

    /** Statistics without traffic details (none served). */
    public ListenerStatistics(String protocol, String bindAddress, int port, boolean listening, Instant since,
                              int openConnections, long connectionsAccepted, long requests, long errors, long refused,
                              Problem lastProblem) {
        this(protocol, bindAddress, port, listening, since, openConnections, connectionsAccepted, requests, errors, refused,
                lastProblem, ListenerTraffic.NONE);
    }

    /** Whether a request failed in the application or was refused for the client's input. */
    public enum ProblemKind { ERROR, REFUSED }

    /**
     * One failed or refused request.
     *
     * @param at          when it was answered
     * @param kind        error (the application failed) or refusal (the input was at fault)
     * @param description what happened, for operators: the client's address and the reply or the failure
     */
    public record Problem(Instant at, ProblemKind kind, String description) { }
}
