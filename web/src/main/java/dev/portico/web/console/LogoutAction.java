package dev.portico.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Ends the console session: the caller is logged out and the session discarded. */
@Named
@RequestScoped
public class LogoutAction {

    @Inject
    private HttpServletRequest request;

    public String logout() throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "/login?faces-redirect=true&loggedOut=true";
    }
}
