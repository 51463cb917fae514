package dev.portico.domain.featherbase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Map;

/** One numbered row of a table: its values by column id. */
@Entity
@Table(name = "fb_row")
@IdClass(FbRowKey.class)
@NamedQuery(name = "FbRow.findRange",
        query = "SELECT r FROM FbRow r WHERE r.tableId = :tableId AND r.rowNo >= :first AND r.rowNo < :end ORDER BY r.rowNo")
public class FbRow {

    @Id
    @Column(name = "table_id")
    private Long tableId;

    @Id
    @Column(name = "row_no")
    private Long rowNo;

    @Lob
    private String cells;

    protected FbRow() {
    }

    /** A row holding {@code values} in the order of {@code columns}. */
    public FbRow(Long tableId, long rowNo, List<FbColumn> columns, List<String> values) {
        this.tableId = tableId;
        this.rowNo = rowNo;
        replace(columns, values);
    }

    public long rowNo() {
        return rowNo;
    }

    /** The values in the order of {@code columns}; a column without a value (added later) reads as "". */
    public List<String> values(List<FbColumn> columns) {
        Map<Long, String> byColumn = RowCells.decode(cells);
        return columns.stream().map(c -> byColumn.getOrDefault(c.id(), "")).toList();
    }

    public String value(FbColumn column) {
        return RowCells.decode(cells).getOrDefault(column.id(), "");
    }

    /** Replaces every value; values of columns since deleted are dropped. */
    public void replace(List<FbColumn> columns, List<String> values) {
        Map<Long, String> byColumn = new java.util.LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            byColumn.put(columns.get(i).id(), values.get(i));
        }
        cells = RowCells.encode(byColumn);
    }

    /** The row's stored cells ({@link RowCells}). */
    public String cells() {
        return cells;
    }

    /**
     * Sets one cell of the table's {@code columns}; values of columns since deleted are dropped (as by
     * {@link #replace}), so the stored cells hold what a read can see and no more.
     */
    public void set(List<FbColumn> columns, FbColumn column, String value) {
        Map<Long, String> byColumn = RowCells.decode(cells);
        byColumn.keySet().retainAll(columns.stream().map(FbColumn::id).toList());
        byColumn.put(column.id(), value);
        cells = RowCells.encode(byColumn);
    }
}
