package dev.portico.it;

import dev.portico.application.FeatherBaseService;
import dev.portico.application.FeatherBaseUserService;
import dev.portico.domain.featherbase.FbRowStore;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import dev.portico.domain.featherbase.FeatherBaseRefusal.Reason;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FeatherBase storage service inside Liberty, on MariaDB, one transaction per call. */
@ExtendWith(ArquillianExtension.class)
class FeatherBaseServiceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(Deployments.testWar().addClass(FeatherBaseServiceIT.class));
    }

    @Inject
    private FeatherBaseService store;

    @Inject
    private FeatherBaseUserService users;

    @BeforeEach
    void empty() throws Exception {
        try {
            for (String database : store.listDatabases(null)) {
                store.deleteDatabase(null, database);
            }
        } catch (FeatherBaseRefusal none) {
            // no databases
        }
        for (String user : users.userNames()) {
            users.deleteUser(user);
        }
        store.createDatabase(null, "db");
        store.addTable(null, "db", "t", List.of("a", "b"));
    }

    @Test
    void rowsAreNumberedConsecutivelyFromZero() throws Exception {
        assertEquals(0, store.addRow(null, "db", "t", List.of("1", "2")));
        assertEquals(1, store.addRow(null, "db", "t", List.of("3", "4")));
        assertEquals(2, store.addRow(null, "db", "t", List.of("5", "6")));
        assertEquals(List.of("3", "4"), store.getRow(null, "db", "t", 1));
    }

    @Test
    void aRefusedCommandStoresNothing() throws Exception {
        refused(Reason.INVALID, () -> store.addTable(null, "db", "dup", List.of("x", "y", "x")));
        assertEquals(List.of("t"), store.listTables(null, "db"));
        refused(Reason.INVALID, () -> store.addRow(null, "db", "t", List.of("only one")));
        refused(Reason.INVALID, () -> store.getRow(null, "db", "t", 0));
        assertEquals(0, store.addRow(null, "db", "t", List.of("first", "row")));
    }

    @Test
    void addedColumnsReadEmptyAndRenamesKeepTheData() throws Exception {
        store.addRow(null, "db", "t", List.of("1", "2"));
        store.addColumn(null, "db", "t", "c");
        assertEquals(List.of("1", "2", ""), store.getRow(null, "db", "t", 0));
        store.renameColumn(null, "db", "t", "a", "alpha");
        store.renameTable(null, "db", "t", "t2");
        store.renameDatabase(null, "db", "db2");
        assertEquals("1", store.getCell(null, "db2", "t2", 0, "alpha"));
        refused(Reason.NOT_FOUND, () -> store.getRow(null, "db", "t", 0));
        store.deleteColumn(null, "db2", "t2", "alpha");
        assertEquals(List.of("2", ""), store.getRow(null, "db2", "t2", 0));
        store.addColumn(null, "db2", "t2", "alpha");
        assertEquals(List.of("2", "", ""), store.getRow(null, "db2", "t2", 0), "a new column does not resurrect deleted values");
    }

    @Test
    void overwritesReplaceValuesInPlace() throws Exception {
        store.addRow(null, "db", "t", List.of("1", "2"));
        store.addRow(null, "db", "t", List.of("3", "4"));
        store.overwriteRow(null, "db", "t", 0, List.of("x", "y"));
        store.overwriteCell(null, "db", "t", 1, "b", "z");
        assertEquals(List.of("x", "y"), store.getRow(null, "db", "t", 0));
        assertEquals(List.of("3", "z"), store.getRow(null, "db", "t", 1));
        refused(Reason.INVALID, () -> store.getRow(null, "db", "t", 2));
    }

    @Test
    void usersAuthenticateWithTheirPasswordAndUseOnlyGrantedDatabases() throws Exception {
        users.saveUser("bob", "hunter2");
        users.grant("bob", "db");
        assertTrue(store.authenticate("bob", "hunter2", null));
        assertFalse(store.authenticate("bob", "hunter3", null));
        assertFalse(store.authenticate("nobody", "hunter2", null));
        assertEquals(List.of("t"), store.listTables("bob", "db"));
        store.createDatabase(null, "secret");
        refused(Reason.FORBIDDEN, () -> store.listTables("bob", "secret"));
        assertEquals(List.of("db"), store.listDatabases("bob"));
        users.grant("bob", "*");
        assertEquals(List.of("db", "secret"), store.listDatabases("bob"));
        users.revoke("bob", "*");
        refused(Reason.NOT_FOUND, () -> users.revoke("bob", "*"));
        refused(Reason.FORBIDDEN, () -> store.createDatabase("bob", "new"));
        assertEquals(List.of(new FeatherBaseUserService.UserView("bob", List.of("db"))), users.users(users.userNames()));
    }

    @Test
    void readsTogetherAnswerEachAsItsOwnCommandBeforeAndAfterTheCatalogChanged() throws Exception {
        users.saveUser("bob", "hunter2");
        users.grant("bob", "db");
        store.createDatabase(null, "secret");
        store.addTable(null, "secret", "s", List.of("x"));
        store.addRow(null, "db", "t", List.of("1", "2"));
        store.addRow(null, "db", "t", List.of("3", "4"));
        store.addRow(null, "secret", "s", List.of("hidden"));
        List<FbRowStore.Read> reads = List.of(
                new FbRowStore.Read(null, "db", "t", 1, null),
                new FbRowStore.Read("bob", "db", "t", 0, "b"),
                new FbRowStore.Read("bob", "db", "t", 7, null),
                new FbRowStore.Read("bob", "db", "t", 0, "nope"),
                new FbRowStore.Read("bob", "secret", "s", 0, null),
                new FbRowStore.Read(null, "db", "gone", 0, null),
                new FbRowStore.Read(null, "secret", "s", 0, "x"));
        List<String> expected = List.of("[3, 4]", "[2]", "INVALID", "INVALID", "FORBIDDEN", "NOT_FOUND", "[hidden]");

        assertEquals(expected, outcomes(store.read(reads)), "tables not looked up before");
        assertEquals(expected, outcomes(store.read(reads)), "tables looked up before (kept lookups)");

        store.addColumn(null, "db", "t", "c");
        store.overwriteCell(null, "db", "t", 1, "c", "5");
        List<String> changed = List.of("[3, 4, 5]", "[2]", "INVALID", "INVALID", "FORBIDDEN", "NOT_FOUND", "[hidden]");
        assertEquals(changed, outcomes(store.read(reads)), "a changed catalog is read again");
    }

    private static List<String> outcomes(List<FeatherBaseService.ReadAnswer> answers) {
        return answers.stream().map(a -> a.refusal() != null ? a.refusal().reason().name() : a.values().toString()).toList();
    }

    private static void refused(Reason reason, Executable command) {
        assertEquals(reason, assertThrows(FeatherBaseRefusal.class, command).reason());
    }
}
