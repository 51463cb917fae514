package dev.portico.it;

import dev.portico.application.FeatherBaseQueries;
import dev.portico.application.FeatherBaseQueries.DatabaseSummary;
import dev.portico.application.FeatherBaseQueries.RowView;
import dev.portico.application.FeatherBaseQueries.TableSummary;
import dev.portico.application.FeatherBaseService;
import dev.portico.application.TableRef;
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
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The operators' read side of FeatherBase inside Liberty, on MariaDB: sizes, columns and pages of rows. */
@ExtendWith(ArquillianExtension.class)
class FeatherBaseQueriesIT {

    private static final TableRef ITEMS = new TableRef("shop", "items");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(Deployments.testWar().addClass(FeatherBaseQueriesIT.class));
    }

    @Inject
    private FeatherBaseQueries queries;

    @Inject
    private FeatherBaseService store;

    @BeforeEach
    void empty() throws Exception {
        for (DatabaseSummary database : queries.databases()) {
            store.deleteDatabase(null, database.name());
        }
        store.createDatabase(null, "shop");
        store.addTable(null, "shop", "items", List.of("sku", "name", "qty"));
    }

    @Test
    void databasesAndTablesAreListedByNameWithTheirSizes() throws Exception {
        store.createDatabase(null, "archive");
        store.addTable(null, "shop", "bare", List.of());
        store.addRow(null, "shop", "items", List.of("A1", "Bolt", "40"));
        store.addRow(null, "shop", "items", List.of("A2", "Nut", "7"));

        assertEquals(List.of(new DatabaseSummary("archive", 0), new DatabaseSummary("shop", 2)), queries.databases());
        assertEquals(List.of(new TableSummary("bare", 0, 0), new TableSummary("items", 3, 2)), queries.tables("shop"));
        assertEquals(List.of(), queries.tables("archive"));
        refused(Reason.NOT_FOUND, () -> queries.tables("nowhere"));
    }

    @Test
    void aTableShowsItsColumnsInOrderAndItsRowCount() throws Exception {
        store.addRow(null, "shop", "items", List.of("A1", "Bolt", "40"));
        store.renameColumn(null, "shop", "items", "name", "title");
        store.addColumn(null, "shop", "items", "price");

        FeatherBaseQueries.TableView view = queries.table(ITEMS);

        assertEquals(List.of("sku", "title", "qty", "price"), view.columns());
        assertEquals(1, view.rows());
        refused(Reason.NOT_FOUND, () -> queries.table(new TableRef("shop", "nothing")));
        refused(Reason.NOT_FOUND, () -> queries.table(new TableRef("nowhere", "items")));
    }

    @Test
    void rowsAreAPageOfNumbersInColumnOrderEndingWithTheTable() throws Exception {
        for (int i = 0; i < 7; i++) {
            store.addRow(null, "shop", "items", List.of("A" + i, "item " + i, String.valueOf(i)));
        }
        store.deleteColumn(null, "shop", "items", "name");
        store.addColumn(null, "shop", "items", "note");
        store.overwriteCell(null, "shop", "items", 3, "note", "checked");

        assertEquals(List.of(new RowView(2, List.of("A2", "2", "")), new RowView(3, List.of("A3", "3", "checked")),
                new RowView(4, List.of("A4", "4", ""))), queries.rows(ITEMS, 2, 3));
        assertEquals(List.of(5L, 6L), queries.rows(ITEMS, 5, 25).stream().map(RowView::number).toList(), "the last page is short");
        assertEquals(List.of(), queries.rows(ITEMS, 7, 25), "past the end: nothing");
    }

    @Test
    void pagesOutsideTheLimitsAreRefused() {
        refused(Reason.INVALID, () -> queries.rows(ITEMS, -1, 10));
        refused(Reason.INVALID, () -> queries.rows(ITEMS, 0, 0));
        refused(Reason.INVALID, () -> queries.rows(ITEMS, 0, FeatherBaseQueries.MAX_ROWS + 1));
        refused(Reason.NOT_FOUND, () -> queries.rows(new TableRef("shop", "nothing"), 0, 10));
    }

    private static void refused(Reason reason, Executable command) {
        assertEquals(reason, assertThrows(FeatherBaseRefusal.class, command).reason());
    }
}
