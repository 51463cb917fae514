package dev.portico.infrastructure.persistence.jdbc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What getrow and getcell need of the FeatherBase catalog (the table's id, the column ids, that the user
 * is granted the database), each as read at one version of the catalog ({@code fb_catalog.version}, raised
 * by every committed catalog change). An entry is used only by a query that reads the same version in the
 * same statement as the row, so a change committed through any server holds at the next command. Bounded:
 * when full, everything is forgotten and read again.
 */
final class FbCatalogCache {

    /** Whose lookup of which table (and column, for getcell; {@code null} for getrow). */
    record Key(String user, String database, String table, String column) { }

    /** The table's id and the column ids asked for, as of {@code version}; only found (and granted) tables are kept. */
    record Entry(long version, long tableId, List<Long> columnIds) { }

    private final int capacity;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    FbCatalogCache(int capacity) {
        this.capacity = capacity;
    }

    Entry get(Key key) {
        return entries.get(key);
    }

    void put(Key key, Entry entry) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, entry);
    }

    int size() {
        return entries.size();
    }
}
