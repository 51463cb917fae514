package dev.portico.domain.featherbase;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of a grant: user and database name. */
public class FbGrantKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String userName;
    private String databaseName;

    public FbGrantKey() {
    }

    public FbGrantKey(String userName, String databaseName) {
        this.userName = userName;
        this.databaseName = databaseName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FbGrantKey key && Objects.equals(userName, key.userName) && Objects.equals(databaseName, key.databaseName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userName, databaseName);
    }
}
