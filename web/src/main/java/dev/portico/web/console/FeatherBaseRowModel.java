package dev.portico.web.console;

import dev.portico.application.FeatherBaseQueries;
import dev.portico.application.FeatherBaseQueries.RowView;
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
 * Values are laid out under the columns the grid shows, matched by name, so a column added,
 * renamed or deleted over the socket meanwhile never shifts them (it shows after a refresh).
 */
public class FeatherBaseRowModel extends LazyDataModel<GridRow> {

    private static final long serialVersionUID = 1L;

    private final FeatherBaseQueries queries;
    private final TableRef table;
    private final List<String> shownColumns;
    /** The table's columns as of the last count, in the order page values come in. */
    private List<String> storedColumns;

    public FeatherBaseRowModel(FeatherBaseQueries queries, TableRef table, List<String> shownColumns) {
        this.queries = queries;
        this.table = table;
        this.shownColumns = List.copyOf(shownColumns);
        this.storedColumns = this.shownColumns;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        try {
            FeatherBaseQueries.TableView now = queries.table(table);
            storedColumns = now.columns();
            return (int) Math.min(Integer.MAX_VALUE, now.rows());
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
            return 0;
        }
    }

    @Override
    public List<GridRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        try {
            return queries.rows(table, first, Math.min(pageSize, FeatherBaseQueries.MAX_ROWS)).stream().map(this::shown).toList();
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
            return List.of();
        }
    }

    /** The row's values under the shown columns; a shown column no longer stored reads as "". */
    private GridRow shown(RowView row) {
        List<String> values = shownColumns.stream().map(storedColumns::indexOf)
                .map(at -> at < 0 || at >= row.values().size() ? "" : row.values().get(at)).toList();
        return new GridRow(row.number(), values);
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
