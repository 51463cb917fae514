package dev.portico.it;

import dev.portico.application.FeatherBaseService;
import dev.portico.application.FeatherBaseUserService;
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
        for (FeatherBaseUserService.UserView user : users.users()) {
            users.deleteUser(user.name());
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
        assertEquals(List.of(new FeatherBaseUserService.UserView("bob", List.of("db"))), users.users());
    }

    private static void refused(Reason reason, Executable command) {
        assertEquals(reason, assertThrows(FeatherBaseRefusal.class, command).reason());
    }
}
