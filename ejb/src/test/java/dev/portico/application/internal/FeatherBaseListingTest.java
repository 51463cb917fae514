package dev.portico.application.internal;

import dev.portico.domain.featherbase.FbDatabase;
import dev.portico.domain.featherbase.FbGrant;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import dev.portico.domain.featherbase.FeatherBaseRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * getdbs and gettbls read names only: with 100,000 databases or tables, an entity per name cost
 * seconds and hundreds of MiB, so the listings must not ask the repository for entities.
 */
class FeatherBaseListingTest {

    private static final List<String> NAMES = List.of("alpha", "beta", "gamma");

    /** A repository that answers the name queries and a few lookups, and fails on anything else (entity listings). */
    private static FeatherBaseRepository namesOnly(Map<String, List<String>> grants) {
        return (FeatherBaseRepository) Proxy.newProxyInstance(FeatherBaseRepository.class.getClassLoader(),
                new Class<?>[] {FeatherBaseRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "databaseNames", "tableNames" -> NAMES;
                    case "grants" -> grants.getOrDefault((String) args[0], List.of());
                    case "database" -> Optional.of(new FbDatabase((String) args[0]));
                    default -> throw new AssertionError("the listing asked the repository for " + method.getName());
                });
    }

    private static DefaultFeatherBaseService service(Map<String, List<String>> grants) throws ReflectiveOperationException {
        DefaultFeatherBaseService service = new DefaultFeatherBaseService();
        Field store = DefaultFeatherBaseService.class.getDeclaredField("store");
        store.setAccessible(true);
        store.set(service, namesOnly(grants));
        return service;
    }

    @Test
    void getdbsListsDatabaseNamesWithoutLoadingDatabases() throws Exception {
        assertEquals(NAMES, service(Map.of()).listDatabases(null));
    }

    @Test
    void getdbsOfAUserListsOnlyTheGrantedNamesInNameOrder() throws Exception {
        DefaultFeatherBaseService service = service(Map.of("ann", List.of("gamma", "alpha"), "all", List.of(FbGrant.ALL_DATABASES)));
        assertEquals(List.of("alpha", "gamma"), service.listDatabases("ann"));
        assertEquals(NAMES, service.listDatabases("all"));
        assertEquals(FeatherBaseRefusal.Reason.NOT_FOUND, assertThrows(FeatherBaseRefusal.class, () -> service.listDatabases("nobody")).reason());
    }

    @Test
    void gettblsListsTableNamesWithoutLoadingTables() throws Exception {
        assertEquals(NAMES, service(Map.of()).listTables(null, "alpha"));
    }
}
