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
        return stopped(opened, Instant.now(), FacesContext.getCurrentInstance().getExternalContext().getSessionMaxInactiveInterval());
    }

    /** The minutes it refreshes for. */
    public long getMinutes() {
        return Math.max(1, FacesContext.getCurrentInstance().getExternalContext().getSessionMaxInactiveInterval() / 60);
    }

    static boolean stopped(Instant opened, Instant now, int sessionSeconds) {
        return sessionSeconds > 0 && Duration.between(opened, now).toSeconds() >= sessionSeconds;
    }
}
