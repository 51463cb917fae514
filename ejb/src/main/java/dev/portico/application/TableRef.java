package dev.portico.application;

import java.io.Serializable;
import java.util.Objects;

/** A FeatherBase table named by its database and its own name (names are case-sensitive). */
public record TableRef(String database, String table) implements Serializable {

    public TableRef {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
    }

    @Override
    public String toString() {
        return database + "." + table;
    }
}
