package dev.portico.domain.featherbase;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A named FeatherBase database. */
@Entity
@Table(name = "fb_database")
@NamedQuery(name = "FbDatabase.findByName", query = "SELECT d FROM FbDatabase d WHERE d.name = :name")
@NamedQuery(name = "FbDatabase.findAll", query = "SELECT d FROM FbDatabase d ORDER BY d.name")
@NamedQuery(name = "FbDatabase.names", query = "SELECT d.name FROM FbDatabase d ORDER BY d.name")
public class FbDatabase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    protected FbDatabase() {
    }

    public FbDatabase(String name) {
        this.name = name;
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
}
