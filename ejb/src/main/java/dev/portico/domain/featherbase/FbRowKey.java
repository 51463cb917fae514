package dev.portico.domain.featherbase;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of a row: its table and its number. */
public class FbRowKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long tableId;
    private Long rowNo;

    public FbRowKey() {
    }

    public FbRowKey(Long tableId, Long rowNo) {
        this.tableId = tableId;
        this.rowNo = rowNo;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FbRowKey key && Objects.equals(tableId, key.tableId) && Objects.equals(rowNo, key.rowNo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tableId, rowNo);
    }
}
