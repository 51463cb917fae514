package dev.portico.web.console;

import dev.portico.application.DatabaseFailure;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import org.primefaces.csp.CspException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Before PrimeFaces handles a request's exceptions (faces-config.xml: this factory wraps PrimeFaces'), one that is the
 * database's but reaches the page as the container's {@code EJBException} (a commit the container failed after the
 * bean returned: a lost deadlock, the database gone) is queued again as the {@link DatabaseFailure} it is. PrimeFaces
 * then answers it as every database failure (the template's "Database unavailable" dialog, or the error page's 503)
 * and does not log it as SEVERE (web.xml's list of exceptions it does not log), instead of the generic "Request
 * failed" dialog and a stack trace for what is no bug. A request PrimeFaces refused for a missing or wrong script nonce
 * is answered 400 here, not logged as an error.
 */
public class DatabaseFailureExceptionHandlerFactory extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(DatabaseFailureExceptionHandlerFactory.class.getName());

    public DatabaseFailureExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    /** The database's failure that {@code thrown} wraps, when it is one and not already a {@link DatabaseFailure}; else null. */
    static DatabaseFailure recognized(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof FacesException || cause instanceof ELException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == null || cause instanceof DatabaseFailure) {
            return null;
        }
        return DatabaseFailure.fromBean(cause);
    }

    /** Whether {@code thrown} is PrimeFaces' refusal of a request without the page's script nonce (not a browser's doing). */
    static boolean forged(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof CspException) {
                return true;
            }
        }
        return false;
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        /** Takes every exception queued so far off the queue (they are answered here, or queued again). */
        private void clearQueue() {
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                events.next();
                events.remove();
            }
        }

        /**
         * A request without the page's script nonce was made by a script of its own, not by the page: a 400 with a
         * sentence, logged at FINE (PrimeFaces' handler logged it as an error with a stack trace, and its answer broke off).
         */
        private void refuseForged(Throwable refusal) {
            clearQueue();
            LOG.log(Level.FINE, "A console request without the page's script nonce was refused", refusal);
            FacesContext context = FacesContext.getCurrentInstance();
            ExternalContext external = context.getExternalContext();
            if (!external.isResponseCommitted()) {
                external.responseReset();
                external.setResponseStatus(400);
                external.setResponseContentType("text/plain;charset=UTF-8");
                try {
                    external.getResponseOutputWriter().write("This request did not come from the page it names: reload the page.");
                } catch (IOException e) {
                    LOG.log(Level.FINE, "The client went away", e);
                }
            }
            context.responseComplete();
        }


        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            // PrimeFaces answers the first queued exception and drops the rest: the queue keeps its order, the
            // recognized ones replaced where they stood.
            List<ExceptionQueuedEventContext> queue = new ArrayList<>();
            boolean recognizedAny = false;
            for (ExceptionQueuedEvent event : getUnhandledExceptionQueuedEvents()) {
                ExceptionQueuedEventContext queued = event.getContext();
                if (forged(queued.getException())) {
                    refuseForged(queued.getException());
                    return;
                }
                DatabaseFailure failure = recognized(queued.getException());
                recognizedAny |= failure != null;
                queue.add(failure == null ? queued
                        : new ExceptionQueuedEventContext(queued.getContext(), failure, queued.getComponent(), queued.getPhaseId()));
            }
            if (recognizedAny) {
                clearQueue();
                FacesContext context = FacesContext.getCurrentInstance();
                for (ExceptionQueuedEventContext event : queue) {
                    context.getApplication().publishEvent(context, ExceptionQueuedEvent.class, event);
                }
            }
            super.handle();
        }
    }
}
