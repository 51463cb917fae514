package dev.portico.infrastructure.persistence.jdbc;

import dev.portico.infrastructure.persistence.jdbc.FbCatalogCache.Entry;
import dev.portico.infrastructure.persistence.jdbc.FbCatalogCache.Key;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lookups are kept per user, table and column, and never more than the capacity. */
class FbCatalogCacheTest {

    @Test
    void anEntryIsKeptPerUserTableAndColumn() {
        FbCatalogCache cache = new FbCatalogCache(10);
        Entry entry = new Entry(3, 42, List.of(1L, 2L));
        cache.put(new Key("ann", "d", "t", null), entry);
        assertEquals(entry, cache.get(new Key("ann", "d", "t", null)));
        assertNull(cache.get(new Key("bob", "d", "t", null)), "another user's grant is not this one's");
        assertNull(cache.get(new Key("ann", "d", "t", "c")), "getcell's lookup is its own");
        assertNull(cache.get(new Key(null, "d", "t", null)));
    }

    @Test
    void aFullCacheForgetsEverythingRatherThanGrow() {
        FbCatalogCache cache = new FbCatalogCache(3);
        for (int i = 0; i < 10; i++) {
            cache.put(new Key("u", "d", "t" + i, null), new Entry(1, i, List.of()));
            assertTrue(cache.size() <= 3, "size " + cache.size());
        }
        assertEquals(new Entry(1, 9, List.of()), cache.get(new Key("u", "d", "t9", null)));
    }
}
