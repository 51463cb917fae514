package dev.portico.web.console;

import dev.portico.application.DatabaseFailure;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Before PrimeFaces handles a request's exceptions (faces-config.xml: this factory wraps PrimeFaces'), one that is the
 * database's but reaches the page as the container's {@code EJBException} (a commit the container failed after the
 * bean returned: a lost deadlock, the database gone) is queued again as the {@link DatabaseFailure} it is. PrimeFaces
 * then answers it as every database failure (the template's "Database unavailable" dialog, or the error page's 503)
 * and does not log it as SEVERE (web.xml's list of exceptions it does not log), instead of the generic "Request
 * failed" dialog and a stack trace for what is no bug.
 */
public class DatabaseFailureExceptionHandlerFactory extends ExceptionHandlerFactory {

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

    private static final class Handler extends ExceptionHandlerWrapper {

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
                DatabaseFailure failure = recognized(queued.getException());
                recognizedAny |= failure != null;
                queue.add(failure == null ? queued
                        : new ExceptionQueuedEventContext(queued.getContext(), failure, queued.getComponent(), queued.getPhaseId()));
            }
            if (recognizedAny) {
                for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                    events.next();
                    events.remove();
                }
                FacesContext context = FacesContext.getCurrentInstance();
                for (ExceptionQueuedEventContext event : queue) {
                    context.getApplication().publishEvent(context, ExceptionQueuedEvent.class, event);
                }
            }
            super.handle();
        }
    }
}
