package dev.portico.infrastructure.persistence.jpa;

import java.sql.SQLException;

/** Recognises database errors by their MariaDB error codes. */
final class SqlErrors {

    /** MariaDB's ER_DUP_ENTRY: a unique index refused a row. */
    private static final int DUPLICATE_ENTRY = 1062;

    private SqlErrors() {
    }

    /** Whether a unique index refused the write somewhere in this exception's causes. */
    static boolean isDuplicateKey(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_ENTRY) {
                return true;
            }
        }
        return false;
    }
}
