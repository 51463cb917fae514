package dev.portico.domain.featherbase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A table of a database; it hands out row numbers in order. */
@Entity
@Table(name = "fb_table")
@NamedQuery(name = "FbTable.findByName", query = "SELECT t FROM FbTable t WHERE t.databaseId = :databaseId AND t.name = :name")
@NamedQuery(name = "FbTable.findByNames", query = "SELECT t FROM FbTable t, FbDatabase d WHERE t.databaseId = d.id AND d.name = :database AND t.name = :name")
@NamedQuery(name = "FbTable.findByDatabase", query = "SELECT t FROM FbTable t WHERE t.databaseId = :databaseId ORDER BY t.name")
@NamedQuery(name = "FbTable.namesByDatabase", query = "SELECT t.name FROM FbTable t WHERE t.databaseId = :databaseId ORDER BY t.name")
@NamedQuery(name = "FbTable.countByDatabase", query = "SELECT t.databaseId, COUNT(t) FROM FbTable t GROUP BY t.databaseId")
public class FbTable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "database_id")
    private Long databaseId;

    private String name;

    @Column(name = "row_count")
    private long rowCount;

    protected FbTable() {
    }

    public FbTable(Long databaseId, String name) {
        this.databaseId = databaseId;
        this.name = name;
    }

    /** The number of the next row, now taken: callers hold this table's lock. */
    public long takeRowNumber() {
        return rowCount++;
    }

    /** Whether a row with this number exists (rows are numbered 0..rowCount-1, none is ever removed). */
    public boolean hasRow(long row) {
        return row >= 0 && row < rowCount;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long rowCount() {
        return rowCount;
    }
}
