package dev.portico.web.console;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * How long an open dashboard refreshes itself: as long as an idle session lasts (portico.session.timeoutMinutes),
 * then it stops, so that a dashboard left open does not keep its session alive for ever; reloading the page goes on.
 */
@Named
@ViewScoped
public class DashboardRefresh implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Instant opened = Instant.now();

    /** Whether the refreshes stop now (the session's idle timeout has passed since the page was opened). */
    public boolean isStopped() {
        return stopped(opened, Instant.now(), sessionSeconds());
    }

    /** What the page says while it refreshes. */
    public String getRunningNote() {
        return runningNote(sessionSeconds());
    }

    /** What the page says once it has stopped. */
    public String getStoppedNote() {
        return "refreshing stopped after " + span(sessionSeconds()) + ", so that an open dashboard does not keep the session alive;"
                + " reload the page to go on.";
    }

    static String runningNote(int sessionSeconds) {
        return "the page refreshes itself every 5 seconds" + (sessionSeconds > 0 ? " for " + span(sessionSeconds) : "") + ".";
    }

    /** A session timeout as the page says it: {@code 30 minutes}, {@code 1 minute}, {@code 90 seconds}. */
    static String span(int seconds) {
        return seconds % 60 == 0 ? Counts.of(seconds / 60, "minute", "minutes") : Counts.of(seconds, "second", "seconds");
    }

    private static int sessionSeconds() {
        return FacesContext.getCurrentInstance().getExternalContext().getSessionMaxInactiveInterval();
    }

    static boolean stopped(Instant opened, Instant now, int sessionSeconds) {
        return sessionSeconds > 0 && Duration.between(opened, now).toSeconds() >= sessionSeconds;
    }
}
