package dev.portico.application;

import dev.portico.jca.api.ListenerStatistics;

import java.time.Instant;

/**
 * One socket listener as operators see it. Counts are since the listener started; {@code requests}
 * includes the failed ({@code errors}) and the refused ones.
 *
 * @param protocol      the configuration name, such as {@code featherbase}
 * @param title         the protocol's name for people, such as {@code FeatherBase}
 * @param address       bind address and port, such as {@code 127.0.0.1:6969}
 * @param lastProblemAt when the latest error or refusal happened; null when none did
 * @param lastProblem   what it was; null when none happened
 * @param traffic       requests in flight, by command, problems by kind, latency
 */
public record ListenerStatus(String protocol, String title, String address, boolean listening, Instant since,
                             int openConnections, long connectionsAccepted, long requests, long errors, long refused,
                             Instant lastProblemAt, String lastProblem, TrafficStatus traffic) {

    /** A listener's status without traffic details. */
    public ListenerStatus(String protocol, String title, String address, boolean listening, Instant since,
                          int openConnections, long connectionsAccepted, long requests, long errors, long refused,
                          Instant lastProblemAt, String lastProblem) {
        this(protocol, title, address, listening, since, openConnections, connectionsAccepted, requests, errors, refused,
                lastProblemAt, lastProblem, TrafficStatus.NONE);
    }

    public static ListenerStatus of(ListenerStatistics s) {
        ListenerStatistics.Problem problem = s.lastProblem();
        return new ListenerStatus(s.protocol(), title(s.protocol()), s.bindAddress() + ":" + s.port(), s.listening(), s.since(),
                s.openConnections(), s.connectionsAccepted(), s.requests(), s.errors(), s.refused(),
                problem == null ? null : problem.at(),
                problem == null ? null : (problem.kind() == ListenerStatistics.ProblemKind.ERROR ? "Error: " : "Refused: ") + problem.description(),
                TrafficStatus.of(s.traffic()));
    }

    private static String title(String protocol) {
        return switch (protocol) {
            case "customer-directory" -> "Customer directory";
            case "featherbase" -> "FeatherBase";
            case "rental-intake" -> "Rental intake";
            default -> protocol;
        };
    }
}
