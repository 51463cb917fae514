package dev.portico.application.internal;

import dev.portico.application.FeatherBaseService;
import dev.portico.domain.account.LoginThrottle;
import dev.portico.domain.account.PasswordHash;
import dev.portico.domain.featherbase.FbColumn;
import dev.portico.domain.featherbase.FbRowStore;
import dev.portico.domain.featherbase.FbDatabase;
import dev.portico.domain.featherbase.FbGrant;
import dev.portico.domain.featherbase.FbRow;
import dev.portico.domain.featherbase.FbTable;
import dev.portico.domain.featherbase.FbText;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import dev.portico.domain.featherbase.FeatherBaseRefusal.Reason;
import dev.portico.domain.featherbase.FeatherBaseRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** FeatherBase on JPA (and plain JDBC for getrow, getcell and addrow), one container-managed transaction per change. */
@Stateless
public class DefaultFeatherBaseService implements FeatherBaseService {

    private static final String UNKNOWN_USER_HASH = PasswordHash.of("no such user");

    @Inject
    private FeatherBaseRepository store;

    @Inject
    private FeatherBaseRowCommands rowCommands;

    @Inject
    private LoginThrottles throttles;

    @Inject
    private FeatherBaseLimits limits;

    @Override
    public void createDatabase(String user, String database) throws FeatherBaseRefusal {
        allow(user, database);
        checkName(database);
        if (store.database(database).isPresent()) {
            throw new FeatherBaseRefusal(Reason.EXISTS, "database " + database + " exists");
        }
        limits.databases(store.databaseCount());
        store.store(new FbDatabase(database));
    }

    @Override
    public List<String> listDatabases(String user) throws FeatherBaseRefusal {
        Set<String> grants = user == null ? Set.of() : Set.copyOf(store.grants(user));
        List<String> names = store.databaseNames();
        if (user != null && !grants.contains(FbGrant.ALL_DATABASES)) {
            names = names.stream().filter(grants::contains).toList();
        }
        if (names.isEmpty()) {
            throw new FeatherBaseRefusal(Reason.NOT_FOUND, "no databases");
        }
        return names;
    }

    @Override
    public void deleteDatabase(String user, String database) throws FeatherBaseRefusal {
        store.deleteDatabase(databaseForUpdate(user, database));
    }

    @Override
    public void renameDatabase(String user, String database, String newName) throws FeatherBaseRefusal {
        FbDatabase db = databaseForUpdate(user, database);
        allow(user, newName);
        checkName(newName);
        if (!newName.equals(database) && store.database(newName).isPresent()) {
            throw new FeatherBaseRefusal(Reason.EXISTS, "database " + newName + " exists");
        }
        db.rename(newName);
        store.flush();
    }

    @Override
    public void addTable(String user, String database, String table, List<String> columns) throws FeatherBaseRefusal {
        FbDatabase db = database(user, database);
        checkName(table);
        if (store.table(db, table).isPresent()) {
            throw new FeatherBaseRefusal(Reason.EXISTS, "table " + table + " exists");
        }
        if (new HashSet<>(columns).size() != columns.size()) {
            throw new FeatherBaseRefusal(Reason.INVALID, "duplicate column names");
        }
        for (String column : columns) {
            checkName(column);
        }
        limits.columns(columns.size());
        limits.tables(store.tableCount(db));
        FbTable created = new FbTable(db.id(), table);
        store.store(created);
        for (int i = 0; i < columns.size(); i++) {
            store.store(new FbColumn(created.id(), columns.get(i), i));
        }
    }

    @Override
    public List<String> listTables(String user, String database) throws FeatherBaseRefusal {
        return store.tableNames(database(user, database));
    }

    @Override
    public void deleteTable(String user, String database, String table) throws FeatherBaseRefusal {
        store.deleteTable(table(user, database, table, true));
    }

    @Override
    public void renameTable(String user, String database, String table, String newName) throws FeatherBaseRefusal {
        FbDatabase db = database(user, database);
        FbTable t = store.tableForUpdate(db, table).orElseThrow(() -> notFound("table " + table));
        checkName(newName);
        if (!newName.equals(table) && store.table(db, newName).isPresent()) {
            throw new FeatherBaseRefusal(Reason.EXISTS, "table " + newName + " exists");
        }
        t.rename(newName);
        store.flush();
    }

    @Override
    public void addColumn(String user, String database, String table, String column) throws FeatherBaseRefusal {
        FbTable t = table(user, database, table, true);
        List<FbColumn> columns = store.columnsForUpdate(t);
        checkName(column);
        if (columns.stream().anyMatch(c -> c.name().equals(column))) {
            throw new FeatherBaseRefusal(Reason.EXISTS, "column " + column + " exists");
        }
        limits.columns(columns.size() + 1L);
        store.store(new FbColumn(t.id(), column, columns.size()));
    }

    @Override
    public void deleteColumn(String user, String database, String table, String column) throws FeatherBaseRefusal {
        FbTable t = table(user, database, table, true);
        List<FbColumn> columns = store.columnsForUpdate(t);
        FbColumn doomed = column(columns, column);
        store.deleteColumn(doomed);
        int position = 0;
        for (FbColumn c : columns) {
            if (c != doomed) {
                c.moveTo(position++);
            }
        }
    }

    @Override
    public void renameColumn(String user, String database, String table, String column, String newName) throws FeatherBaseRefusal {
        FbTable t = table(user, database, table, true);
        List<FbColumn> columns = store.columnsForUpdate(t);
        FbColumn renamed = column(columns, column);
        checkName(newName);
        if (!newName.equals(column) && columns.stream().anyMatch(c -> c.name().equals(newName))) {
            throw new FeatherBaseRefusal(Reason.EXISTS, "column " + newName + " exists");
        }
        renamed.rename(newName);
        store.flush();
    }

    /** Through the group commit, which writes concurrent addrows in one transaction (committed before this returns). */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long addRow(String user, String database, String table, List<String> values) throws FeatherBaseRefusal {
        return rowCommands.addRow(user, database, table, values);
    }

    /** One query, outside any transaction: a read needs neither a commit nor a rollback. */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> getRow(String user, String database, String table, long row) throws FeatherBaseRefusal {
        return rowCommands.getRow(user, database, table, row);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<ReadAnswer> read(List<FbRowStore.Read> reads) {
        return rowCommands.read(reads);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String getCell(String user, String database, String table, long row, String column) throws FeatherBaseRefusal {
        return rowCommands.getCell(user, database, table, row, column);
    }

    @Override
    public void overwriteRow(String user, String database, String table, long row, List<String> values) throws FeatherBaseRefusal {
        FbText.values(values);
        FbTable t = table(user, database, table, false);
        FbRow r = store.rowForUpdate(t, row).orElseThrow(() -> noRow(row));
        List<FbColumn> columns = store.columns(t);
        r.replace(columns, checkCount(columns.size(), values));
        limits.row(r.cells());
    }

    @Override
    public void overwriteCell(String user, String database, String table, long row, String column, String value) throws FeatherBaseRefusal {
        FbText.value(value);
        FbTable t = table(user, database, table, false);
        FbRow r = store.rowForUpdate(t, row).orElseThrow(() -> noRow(row));
        List<FbColumn> columns = store.columns(t);
        r.set(columns, column(columns, column), value);
        limits.row(r.cells());
    }

    @Override
    public boolean authenticate(String user, String password, String clientAddress) {
        Supplier<Optional<Boolean>> check = () -> checked(user, password) ? Optional.of(true) : Optional.empty();
        return (clientAddress == null ? check.get() : throttles.featherBase().guard(LoginThrottle.ANY_ACCOUNT, clientAddress, check)).isPresent();
    }

    private boolean checked(String user, String password) {
        Optional<Boolean> matched = store.user(user).map(u -> u.hasPassword(password));
        if (matched.isEmpty()) {
            PasswordHash.matches(UNKNOWN_USER_HASH, password);
        }
        return matched.orElse(false);
    }

    private FbDatabase database(String user, String name) throws FeatherBaseRefusal {
        allow(user, name);
        return store.database(name).orElseThrow(() -> notFound("database " + name));
    }

    /** The database to delete or rename, locked, so that of concurrent deletes and renames only the first finds it. */
    private FbDatabase databaseForUpdate(String user, String name) throws FeatherBaseRefusal {
        allow(user, name);
        return store.databaseForUpdate(name).orElseThrow(() -> notFound("database " + name));
    }

    private FbTable table(String user, String database, String table, boolean lock) throws FeatherBaseRefusal {
        if (!lock) {
            allow(user, database);
            Optional<FbTable> found = store.table(database, table);
            if (found.isPresent()) {
                return found.get();
            }
        }
        FbDatabase db = database(user, database);
        return (lock ? store.tableForUpdate(db, table) : store.table(db, table)).orElseThrow(() -> notFound("table " + table));
    }

    private static FbColumn column(List<FbColumn> columns, String name) throws FeatherBaseRefusal {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new FeatherBaseRefusal(Reason.INVALID, "no column " + name));
    }

    /** The values, if their count fits the columns; a lone empty value is an empty row of a table without columns. */
    static List<String> checkCount(int columns, List<String> values) throws FeatherBaseRefusal {
        if (columns == 0 && values.equals(List.of(""))) {
            return List.of();
        }
        if (values.size() != columns) {
            throw new FeatherBaseRefusal(Reason.INVALID, values.size() + " values for " + columns + " columns");
        }
        return values;
    }

    private void allow(String user, String database) throws FeatherBaseRefusal {
        allow(store, user, database);
    }

    /** Refuses (FORBIDDEN) a user (not null) without a grant for the database. */
    static void allow(FeatherBaseRepository store, String user, String database) throws FeatherBaseRefusal {
        if (user == null) {
            return;
        }
        List<String> grants = store.grants(user);
        if (!grants.contains(FbGrant.ALL_DATABASES) && !grants.contains(database)) {
            throw new FeatherBaseRefusal(Reason.FORBIDDEN, user + " may not use " + database);
        }
    }

    private static void checkName(String name) throws FeatherBaseRefusal {
        FbText.name(name);
    }

    static FeatherBaseRefusal notFound(String what) {
        return new FeatherBaseRefusal(Reason.NOT_FOUND, "no " + what);
    }

    static FeatherBaseRefusal noRow(long row) {
        return new FeatherBaseRefusal(Reason.INVALID, "no row " + row);
    }
}
