package dev.portico.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/** Who is signed in to the console, and whether they may change data (role {@code admin}). */
@Named
@RequestScoped
public class CurrentUser {

    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";

    @Inject
    private SecurityContext security;

    public String getName() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }

    public boolean isAdmin() {
        return security.isCallerInRole(ADMIN);
    }

    public String getRole() {
        return isAdmin() ? ADMIN : security.isCallerInRole(VIEWER) ? VIEWER : "";
    }

    /**
     * Whether the caller may change data; when not, says so on the page. Every console action
     * that changes data starts with {@code if (!currentUser.mayChange()) return ...;}.
     */
    public boolean mayChange() {
        if (isAdmin()) {
            return true;
        }
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not allowed", "Only an admin may change data; you are signed in as a viewer."));
        return false;
    }
}
