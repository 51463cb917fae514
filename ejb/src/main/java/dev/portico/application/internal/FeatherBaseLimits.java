package dev.portico.application.internal;

import dev.portico.application.ServerSettings;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import dev.portico.domain.featherbase.FeatherBaseRefusal.Reason;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * How much FeatherBase one database holds: databases, tables per database, columns per table, users and databases
 * granted to one user ({@code portico.featherbase.maxDatabases}, {@code .maxTables}, {@code .maxColumns}, {@code .maxUsers},
 * {@code .maxGrants}), and how long
 * one row's stored values are together ({@code .maxRowLength}, characters). The socket needs no login by default and
 * one command may name a megabyte of columns; every list of them (getdbs, the console, the API) is read whole, so each
 * is bounded; and owcell after owcell would grow a row past what MariaDB takes in one statement and what a getrow can
 * hold in memory. A change past a limit is refused as INVALID (HTTP 422).
 */
@ApplicationScoped
public class FeatherBaseLimits {

    static final int DEFAULT_DATABASES = 10_000;
    static final int DEFAULT_TABLES = 10_000;
    static final int DEFAULT_COLUMNS = 1_000;
    static final int DEFAULT_USERS = 10_000;
    static final int DEFAULT_GRANTS = 1_000;
    static final int DEFAULT_ROW_LENGTH = 1_048_576;

    private int databases = DEFAULT_DATABASES;
    private int tables = DEFAULT_TABLES;
    private int columns = DEFAULT_COLUMNS;
    private int users = DEFAULT_USERS;
    private int grants = DEFAULT_GRANTS;
    private int rowLength = DEFAULT_ROW_LENGTH;

    public FeatherBaseLimits() {
    }

    FeatherBaseLimits(int databases, int tables, int columns, int users, int grants, int rowLength) {
        this.databases = databases;
        this.tables = tables;
        this.columns = columns;
        this.users = users;
        this.grants = grants;
        this.rowLength = rowLength;
    }

    @PostConstruct
    void read() {
        databases = setting("maxDatabases", DEFAULT_DATABASES);
        tables = setting("maxTables", DEFAULT_TABLES);
        columns = setting("maxColumns", DEFAULT_COLUMNS);
        users = setting("maxUsers", DEFAULT_USERS);
        grants = setting("maxGrants", DEFAULT_GRANTS);
        rowLength = setting("maxRowLength", DEFAULT_ROW_LENGTH);
    }

    /** Refuses another database when {@code stored} are stored. */
    void databases(long stored) throws FeatherBaseRefusal {
        refuseBeyond(stored + 1, databases, "databases", "maxDatabases");
    }

    /** Refuses another table in a database holding {@code stored}. */
    void tables(long stored) throws FeatherBaseRefusal {
        refuseBeyond(stored + 1, tables, "tables in a database", "maxTables");
    }

    /** Refuses a table of {@code count} columns. */
    void columns(long count) throws FeatherBaseRefusal {
        refuseBeyond(count, columns, "columns in a table", "maxColumns");
    }

    /** Refuses another user when {@code stored} are stored. */
    void users(long stored) throws FeatherBaseRefusal {
        refuseBeyond(stored + 1, users, "users", "maxUsers");
    }

    /** Refuses another grant to a user holding {@code stored}. */
    void grants(long stored) throws FeatherBaseRefusal {
        refuseBeyond(stored + 1, grants, "databases granted to one user (* grants every database)", "maxGrants");
    }

    /** The row's stored cells ({@link dev.portico.domain.featherbase.RowCells}), if within the row length; refused otherwise. */
    String row(String cells) throws FeatherBaseRefusal {
        refuseBeyond(cells.length(), rowLength, "characters in a row, all its values together", "maxRowLength");
        return cells;
    }

    private static void refuseBeyond(long count, int limit, String what, String variable) throws FeatherBaseRefusal {
        if (count > limit) {
            throw new FeatherBaseRefusal(Reason.INVALID, String.format(Locale.ROOT, "at most %,d %s (portico.featherbase.%s)", limit, what, variable));
        }
    }

    private static int setting(String name, int fallback) {
        return (int) ServerSettings.positive("featherbase", name, fallback, Integer.MAX_VALUE);
    }
}
