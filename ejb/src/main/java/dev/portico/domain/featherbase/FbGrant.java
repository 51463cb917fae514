package dev.portico.domain.featherbase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A user may use a database (by name; {@value #ALL_DATABASES} for every database). */
@Entity
@Table(name = "fb_grant")
@IdClass(FbGrantKey.class)
@NamedQuery(name = "FbGrant.databasesOf", query = "SELECT g.databaseName FROM FbGrant g WHERE g.userName = :user ORDER BY g.databaseName")
@NamedQuery(name = "FbGrant.of", query = "SELECT g.userName, g.databaseName FROM FbGrant g WHERE g.userName IN :users ORDER BY g.userName, g.databaseName")
public class FbGrant {

    /** The grant that covers every database. */
    public static final String ALL_DATABASES = "*";

    @Id
    @Column(name = "user_name")
    private String userName;

    @Id
    @Column(name = "database_name")
    private String databaseName;

    protected FbGrant() {
    }

    public FbGrant(String userName, String databaseName) {
        this.userName = userName;
        this.databaseName = databaseName;
    }
}
