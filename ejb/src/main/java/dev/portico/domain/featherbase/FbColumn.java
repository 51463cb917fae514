package dev.portico.domain.featherbase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A column of a table, at a position; cells refer to it by id, so renaming and moving it touch no row. */
@Entity
@Table(name = "fb_column")
@NamedQuery(name = "FbColumn.findByTable", query = "SELECT c FROM FbColumn c WHERE c.tableId = :tableId ORDER BY c.position")
@NamedQuery(name = "FbColumn.countByTableOfDatabase",
        query = "SELECT c.tableId, COUNT(c) FROM FbColumn c, FbTable t WHERE c.tableId = t.id AND t.databaseId = :databaseId GROUP BY c.tableId")
public class FbColumn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "table_id")
    private Long tableId;

    private String name;

    private int position;

    protected FbColumn() {
    }

    public FbColumn(Long tableId, String name, int position) {
        this.tableId = tableId;
        this.name = name;
        this.position = position;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void moveTo(int newPosition) {
        this.position = newPosition;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int position() {
        return position;
    }
}
