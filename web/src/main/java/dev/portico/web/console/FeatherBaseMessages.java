package dev.portico.web.console;

import dev.portico.domain.featherbase.FeatherBaseRefusal;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Page messages of the FeatherBase screens: a refusal says what its status word means and why. */
final class FeatherBaseMessages {

    private FeatherBaseMessages() {
    }

    /** The refusal as an error message, for the page or (with a client id) next to a field. */
    static void refused(String clientId, FeatherBaseRefusal refusal) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, meaning(refusal.reason()), refusal.getMessage()));
    }

    static void refused(FeatherBaseRefusal refusal) {
        refused(null, refusal);
    }

    static void done(String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, ""));
    }

    /** A field left wrong before any service call. */
    static void invalidField(String clientId, String detail) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, detail, ""));
    }

    /** What the protocol's status word for this reason tells a client, in words (the detail follows after its space). */
    static String meaning(FeatherBaseRefusal.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> "Not found (NOTFOUND): ";
            case EXISTS -> "Name already taken (EXISTS): ";
            case INVALID -> "Not valid (INVALID): ";
            case FORBIDDEN -> "Not allowed (FAILURE): ";
        };
    }
}
