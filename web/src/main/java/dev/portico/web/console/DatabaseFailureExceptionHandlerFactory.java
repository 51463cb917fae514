package dev.portico.web.console;

import dev.portico.application.DatabaseFailure;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.view.ViewDeclarationLanguage;
import org.primefaces.csp.CspException;
import org.primefaces.util.ComponentUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Before PrimeFaces handles a request's exceptions (faces-config.xml: this factory wraps PrimeFaces'), one that is the
 * database's but reaches the page as the container's {@code EJBException} (a commit the container failed after the
 * bean returned: a lost deadlock, the database gone) is queued again as the {@link DatabaseFailure} it is. PrimeFaces
 * then answers it as every database failure (the template's "Database unavailable" dialog, or the error page's 503)
 * and does not log it as SEVERE (web.xml's list of exceptions it does not log), instead of the generic "Request
 * failed" dialog and a stack trace for what is no bug. A postback whose view this server no longer keeps (MyFaces'
 * {@code ViewNotFoundException}: the session holds a bounded number of views, so a tab left behind while others opened
 * twenty pages finds its own gone) is queued again as the {@link ViewExpiredException} it amounts to, answered by the
 * template's "Page expired" dialog. A request PrimeFaces refused for a missing or wrong script nonce is answered 400 here,
 * not logged as an error.
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
        return causedBy(thrown, cause -> cause instanceof CspException);
    }

    /**
     * Whether {@code thrown} says that a postback's view could not be restored (MyFaces' {@code ViewNotFoundException}).
     * PrimeFaces' handler took it for a bug: the "Request failed" dialog, naming the exception's class, and two errors in
     * the log.
     */
    static boolean viewNotFound(Throwable thrown) {
        return causedBy(thrown, cause -> cause.getClass().getSimpleName().equals("ViewNotFoundException"));
    }

    /** Whether {@code thrown} or one of its causes is {@code kind}. */
    private static boolean causedBy(Throwable thrown, Predicate<Throwable> kind) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (kind.test(cause)) {
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
            LOG.log(Level.FINE, "A console request that did not come from its page was refused", refusal);
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
            boolean replacedAny = false;
            for (ExceptionQueuedEvent event : getUnhandledExceptionQueuedEvents()) {
                ExceptionQueuedEventContext queued = event.getContext();
                if (forged(queued.getException())) {
                    refuseForged(queued.getException());
                    return;
                }
                Throwable replacement = viewNotFound(queued.getException()) ? expired(queued.getException())
                        : recognized(queued.getException());
                replacedAny |= replacement != null;
                queue.add(replacement == null ? queued
                        : new ExceptionQueuedEventContext(queued.getContext(), replacement, queued.getComponent(), queued.getPhaseId()));
            }
            FacesContext context = FacesContext.getCurrentInstance();
            if (replacedAny) {
                clearQueue();
                for (ExceptionQueuedEventContext event : queue) {
                    context.getApplication().publishEvent(context, ExceptionQueuedEvent.class, event);
                }
            }
            if (!queue.isEmpty() && context.getViewRoot() == null && context.getPartialViewContext().isAjaxRequest() && !buildView(context)) {
                refuseForged(queue.get(0).getException());
                return;
            }
            super.handle();
        }

        /** A view that could not be restored, as the expired view it is for the page that posted it. */
        private static ViewExpiredException expired(Throwable notFound) {
            return new ViewExpiredException("The server no longer keeps this page's view", notFound, ComponentUtils.calculateViewId(FacesContext.getCurrentInstance()));
        }

        /**
         * Builds the posting page's view, unrendered, where restoring it failed: PrimeFaces answers an ajax request's
         * exception into a view (its nonce, the template's exception handlers), and failed without one (a
         * NullPointerException logged as an error). False if the address names no page.
         */
        private static boolean buildView(FacesContext context) {
            try {
                ViewHandler views = context.getApplication().getViewHandler();
                String viewId = views.deriveViewId(context, ComponentUtils.calculateViewId(context));
                if (viewId == null) {
                    return false;
                }
                ViewDeclarationLanguage language = views.getViewDeclarationLanguage(context, viewId);
                UIViewRoot root = language.createView(context, viewId);
                context.setViewRoot(root);
                language.buildView(context, root);
                return true;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "No view to answer a failed console request in", e);
                return false;
            }
        }
    }
}
