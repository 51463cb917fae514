package dev.portico.application.internal;

import dev.portico.application.FeatherBaseQueries;
import dev.portico.application.TableRef;
import dev.portico.domain.featherbase.FbColumn;
import dev.portico.domain.featherbase.FbDatabase;
import dev.portico.domain.featherbase.FbTable;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import dev.portico.domain.featherbase.FeatherBaseRefusal.Reason;
import dev.portico.domain.featherbase.FeatherBaseRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/** FeatherBase read for operators on JPA: sizes from metadata, rows as one primary-key range. */
@Stateless
public class DefaultFeatherBaseQueries implements FeatherBaseQueries {

    @Inject
    private FeatherBaseRepository store;

    @Override
    public List<DatabaseSummary> databases() {
        Map<Long, Long> tables = store.tableCounts();
        return store.databases().stream().map(d -> new DatabaseSummary(d.name(), tables.getOrDefault(d.id(), 0L))).toList();
    }

    @Override
    public boolean databaseExists(String database) {
        return store.database(database).isPresent();
    }

    @Override
    public List<TableSummary> tables(String database) throws FeatherBaseRefusal {
        FbDatabase db = store.database(database).orElseThrow(() -> new FeatherBaseRefusal(Reason.NOT_FOUND, "no database " + database));
        Map<Long, Long> columns = store.columnCounts(db);
        return store.tables(db).stream().map(t -> new TableSummary(t.name(), columns.getOrDefault(t.id(), 0L), t.rowCount())).toList();
    }

    @Override
    public TableView table(TableRef table) throws FeatherBaseRefusal {
        FbTable t = find(table);
        return new TableView(table, store.columns(t).stream().map(FbColumn::name).toList(), t.rowCount());
    }

    @Override
    public List<RowView> rows(TableRef table, long firstRow, int count) throws FeatherBaseRefusal {
        if (firstRow < 0 || count < 1 || count > MAX_ROWS) {
            throw new FeatherBaseRefusal(Reason.INVALID, "rows are read from number 0 on, 1 to " + MAX_ROWS + " at a time");
        }
        FbTable t = find(table);
        if (firstRow >= t.rowCount()) {
            return List.of();
        }
        List<FbColumn> columns = store.columns(t);
        return store.rows(t, firstRow, Math.min(t.rowCount(), firstRow + count)).stream()
                .map(r -> new RowView(r.rowNo(), r.values(columns))).toList();
    }

    private FbTable find(TableRef table) throws FeatherBaseRefusal {
        FbTable found = store.table(table.database(), table.table()).orElse(null);
        if (found != null) {
            return found;
        }
        if (store.database(table.database()).isEmpty()) {
            throw new FeatherBaseRefusal(Reason.NOT_FOUND, "no database " + table.database());
        }
        throw new FeatherBaseRefusal(Reason.NOT_FOUND, "no table " + table.table());
    }
}
