package dev.portico.application;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJBException;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * The database failed a request through no fault of the request, and kept nothing of it: it is unreachable,
 * or the request's transaction lost a conflict (a deadlock, or a Galera certification failure) and was rolled
 * back. Each channel answers it in its own terms (a socket protocol's error reply, HTTP 503, the console's
 * message); it is not a server error to log per request (an outage is logged once, by
 * {@link DatabaseAvailability}). An application exception, so that the EJB container passes it on as it is
 * instead of logging it as an unexpected failure; every bean's failures are turned into it on the way out
 * (see {@code DatabaseFailureBoundary}). The original failure is the cause.
 */
@ApplicationException(rollback = true)
public class DatabaseFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 32;
    private static final int DEADLOCK = 1213;

    /** What the database did. */
    public enum Kind {
        UNREACHABLE("the database is unreachable"),
        CONFLICT("the request conflicted with a concurrent change and was rolled back");

        private final String sentence;

        Kind(String sentence) {
            this.sentence = sentence;
        }

        /** The failure in a few words, for a reply or a message (no internals). */
        public String sentence() {
            return sentence;
        }
    }

    private final Kind kind;

    private DatabaseFailure(Kind kind, Throwable cause) {
        super(kind.sentence(), cause); // no internals (host, port, SQL) for whoever shows the message; the cause has them
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * {@code failure} as a database failure to throw from a bean method running in a transaction ({@code
     * transactional}: the container rolls it back) or outside any (nothing to roll back; marking the container's
     * local transaction rollback-only would log an error); {@code null} when it is not one.
     */
    public static DatabaseFailure of(Throwable failure, boolean transactional) {
        DatabaseFailure known = find(failure);
        Kind kind = known != null ? known.kind() : kindOf(failure);
        if (kind == null) {
            return null;
        }
        if (failure instanceof DatabaseFailure same && (same instanceof Untransacted) != transactional) {
            return same;
        }
        Throwable cause = known != null ? known.getCause() : failure;
        return transactional ? new DatabaseFailure(kind, cause) : new Untransacted(kind, cause);
    }

    /** The database failure in {@code failure} or its causes, or {@code null}. */
    public static DatabaseFailure find(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
            if (t instanceof DatabaseFailure database) {
                return database;
            }
            t = next(t);
        }
        return null;
    }

    /**
     * For a bean's caller: the database failure a bean threw, or a failure of the container's commit after the bean
     * returned (an {@link EJBException} whose causes say unreachable or lost conflict, e.g. a Galera certification
     * failure); {@code null} otherwise. Unlike {@link #of}, it does not take any broken connection for the database's:
     * in the web module a client's own connection breaks too.
     */
    public static DatabaseFailure fromBean(Throwable failure) {
        DatabaseFailure found = find(failure);
        if (found != null) {
            return found;
        }
        return failure instanceof EJBException ? of(failure, false) : null;
    }

    /** Whether {@code failure}, through any wrapping (EJB, JTA, JPA, the pool), says the database is unreachable. */
    public static boolean unreachable(Throwable failure) {
        return kindOf(failure) == Kind.UNREACHABLE;
    }

    /** Whether {@code failure}, through any wrapping, is a lost deadlock or certification conflict (MariaDB 1213, SQLSTATE 40001). */
    public static boolean lostConflict(Throwable failure) {
        return kindOf(failure) == Kind.CONFLICT;
    }

    private static Kind kindOf(Throwable failure) {
        boolean conflict = false;
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
            if (t instanceof DatabaseFailure database) {
                return database.kind();
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof SocketTimeoutException || t instanceof SocketException || t instanceof EOFException) {
                return Kind.UNREACHABLE;
            }
            if (t instanceof SQLException sql) {
                if (sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                    return Kind.UNREACHABLE;
                }
                conflict |= sql.getErrorCode() == DEADLOCK || "40001".equals(sql.getSQLState());
            }
            t = next(t);
        }
        return conflict ? Kind.CONFLICT : null;
    }

    /** The innermost message, for one log line. */
    public static String rootMessage(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; next(t) != null && depth < MAX_DEPTH; depth++) {
            t = next(t);
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static Throwable next(Throwable t) {
        return t.getCause() != t ? t.getCause() : null;
    }

    /** The same failure leaving a bean method that runs outside any transaction. */
    @ApplicationException(rollback = false)
    public static final class Untransacted extends DatabaseFailure {

        private static final long serialVersionUID = 1L;

        private Untransacted(Kind kind, Throwable cause) {
            super(kind, cause);
        }
    }
}
