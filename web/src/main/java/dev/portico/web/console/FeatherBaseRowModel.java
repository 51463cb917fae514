package dev.portico.web.console;

import dev.portico.application.FeatherBaseQueries;
import dev.portico.application.FeatherBaseQueries.TableView;
import dev.portico.application.TableRef;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.util.List;
import java.util.Map;

/**
 * The grid's rows, one page at a time: the count is the table's row count (kept with the table),
 * a page is one primary-key range of row numbers, so paging costs the same on a million rows.
 */
public class FeatherBaseRowModel extends LazyDataModel<GridRow> {

    private static final long serialVersionUID = 1L;

    private final FeatherBaseQueries queries;
    private final TableRef table;
    /** The table as last counted: the grid's columns follow it, so headers and values stay in step. */
    private TableView latest;

    public FeatherBaseRowModel(FeatherBaseQueries queries, TableRef table) {
        this.queries = queries;
        this.table = table;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        try {
            latest = queries.table(table);
            return (int) Math.min(Integer.MAX_VALUE, latest.rows());
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
            return 0;
        }
    }

    @Override
    public List<GridRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        try {
            return queries.rows(table, first, Math.min(pageSize, FeatherBaseQueries.MAX_ROWS)).stream()
                    .map(r -> new GridRow(r.number(), r.values())).toList();
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
            return List.of();
        }
    }

    /** The table's columns and row count as of the last page loaded; null before the first. */
    public TableView latest() {
        return latest;
    }

    @Override
    public String getRowKey(GridRow row) {
        return String.valueOf(row.getNumber());
    }

    /** A row of the page shown, by its number. */
    @Override
    public GridRow getRowData(String rowKey) {
        List<GridRow> page = getWrappedData();
        return page == null ? null : page.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
    }
}
