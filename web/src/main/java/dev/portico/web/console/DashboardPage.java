package dev.portico.web.console;

import dev.portico.application.DatabaseStatus;
import dev.portico.application.ListenerStatus;
import dev.portico.application.SystemStatus;
import dev.portico.application.TrafficStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The dashboard: the socket listeners and the database, read once per request (the page polls every few seconds). */
@Named
@RequestScoped
public class DashboardPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(ZoneId.systemDefault());

    @EJB
    private SystemStatus status;

    private List<ListenerStatus> listeners;
    private DatabaseStatus database;
    private final Instant refreshedAt = Instant.now();

    public List<ListenerStatus> getListeners() {
        if (listeners == null) {
            listeners = status.listeners();
        }
        return listeners;
    }

    public DatabaseStatus getDatabase() {
        if (database == null) {
            database = status.database();
        }
        return database;
    }

    public String getRefreshedAt() {
        return time(refreshedAt);
    }

    /** The commands a listener answered, in its protocol's order, such as {@code find 1,203, delete 1}; {@code none} before any. */
    public String commands(ListenerStatus listener) {
        String shown = TrafficStatus.commands(listener.protocol()).stream()
                .filter(command -> listener.traffic().requests(command) > 0)
                .map(command -> String.format(Locale.ROOT, "%s %,d", command, listener.traffic().requests(command)))
                .collect(Collectors.joining(", "));
        return shown.isEmpty() ? "none" : shown;
    }

    /** A listener's problems by kind (their ids in /metrics), such as {@code bad_input 2}; {@code none} before any. */
    public String problems(ListenerStatus listener) {
        String shown = TrafficStatus.PROBLEM_KINDS.stream()
                .filter(kind -> listener.traffic().problems(kind) > 0)
                .map(kind -> String.format(Locale.ROOT, "%s %,d", kind, listener.traffic().problems(kind)))
                .collect(Collectors.joining(", "));
        return shown.isEmpty() ? "none" : shown;
    }

    /**
     * Requests of several connections answered in one call (FeatherBase row reads that arrived together), such as
     * {@code 3,145 in 405 calls}; {@code none} before any.
     */
    public String together(ListenerStatus listener) {
        long calls = listener.traffic().gatheredCalls();
        return calls == 0 ? "none" : String.format(Locale.ROOT, "%,d in %s", listener.traffic().gatheredRequests(), Counts.of(calls, "call", "calls"));
    }

    /** Milliseconds as the page shows them: {@code 0.42 ms}, {@code 12 ms}, {@code 1,250 ms}. */
    public String millis(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.2f ms", millis) : String.format(Locale.ROOT, "%,.0f ms", millis);
    }

    /** A moment as the page shows it, in the server's time zone; empty for none. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
