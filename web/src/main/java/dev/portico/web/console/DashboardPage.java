package dev.portico.web.console;

import dev.portico.application.DatabaseStatus;
import dev.portico.application.ListenerStatus;
import dev.portico.application.SystemStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

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

    /** A moment as the page shows it, in the server's time zone; empty for none. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
