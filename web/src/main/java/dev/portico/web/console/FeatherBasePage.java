package dev.portico.web.console;

import dev.portico.application.FeatherBaseQueries;
import dev.portico.application.FeatherBaseQueries.DatabaseSummary;
import dev.portico.application.FeatherBaseQueries.TableSummary;
import dev.portico.application.FeatherBaseService;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The FeatherBase screen: databases, and the tables of the one chosen ({@code ?db=name}); create,
 * rename and delete both, through the same service calls (and refusals) as the socket protocol.
 */
@Named
@ViewScoped
public class FeatherBasePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FeatherBaseQueries queries;

    @EJB
    private FeatherBaseService featherBase;

    @Inject
    private CurrentUser currentUser;

    private String database;
    private boolean databaseMissing;
    private List<DatabaseSummary> databases;
    private List<TableSummary> tables;

    private String newDatabase = "";
    private String newTable = "";
    private String newColumns = "";
    private final RenameForm rename = new RenameForm();
    private final NameFilter databaseFilter = new NameFilter(":databaseForm:databases");
    private final NameFilter tableFilter = new NameFilter(":tableForm:tables");

    /** Opens on the database named by the request's {@code db} parameter, if any. */
    @PostConstruct
    void open() {
        database = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("db");
        load();
    }

    /** Loads the lists (when the page opens, and after every change). */
    public void load() {
        databases = queries.databases();
        tables = List.of();
        databaseMissing = false;
        if (database != null && !database.isEmpty()) {
            try {
                tables = queries.tables(database);
            } catch (FeatherBaseRefusal refusal) {
                databaseMissing = true;
                FeatherBaseMessages.refused(refusal);
            }
        }
    }

    public String createDatabase() {
        if (!currentUser.mayChange()) {
            return null;
        }
        try {
            featherBase.createDatabase(null, newDatabase);
            FeatherBaseMessages.done("Database " + newDatabase + " created.");
            newDatabase = "";
            load();
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused("databaseForm:newDatabase", refusal);
        }
        return null;
    }

    public String deleteDatabase(String name) {
        if (!currentUser.mayChange()) {
            return null;
        }
        try {
            featherBase.deleteDatabase(null, name);
            FeatherBaseMessages.done("Database " + name + " deleted with its tables.");
            if (name.equals(database)) {
                database = null;
            }
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
        }
        load();
        return null;
    }

    public String addTable() {
        if (!currentUser.mayChange()) {
            return null;
        }
        List<String> columns = columnNames(newColumns);
        try {
            featherBase.addTable(null, database, newTable, columns);
            FeatherBaseMessages.done("Table " + newTable + " added with " + Counts.of(columns.size(), "column", "columns") + ".");
            newTable = "";
            newColumns = "";
            load();
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused("tableForm:newTable", refusal);
        }
        return null;
    }

    public String deleteTable(String name) {
        if (!currentUser.mayChange()) {
            return null;
        }
        try {
            featherBase.deleteTable(null, database, name);
            FeatherBaseMessages.done("Table " + name + " deleted with its rows.");
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
        }
        load();
        return null;
    }

    public void startRenameDatabase(String name) {
        rename.open("database", name);
    }

    public void startRenameTable(String name) {
        rename.open("table", name);
    }

    /** Applies the rename form: a database or a table of the chosen database. */
    public String rename() {
        if (!currentUser.mayChange()) {
            return null;
        }
        try {
            if (rename.getKind().equals("database")) {
                featherBase.renameDatabase(null, rename.getFrom(), rename.getTo());
                if (rename.getFrom().equals(database)) {
                    database = rename.getTo();
                }
            } else {
                featherBase.renameTable(null, database, rename.getFrom(), rename.getTo());
            }
            FeatherBaseMessages.done("Renamed " + rename.getKind() + " " + rename.getFrom() + " to " + rename.getTo() + ".");
            rename.close();
            load();
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused("renameForm:renameTo", refusal);
        }
        return null;
    }

    /** Column names from the form's text: one per line, surrounding spaces dropped, blank lines skipped. */
    static List<String> columnNames(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    public String getDatabase() {
        return database;
    }

    /** Whether a database is chosen and exists. */
    /**
     * The page's title. The template writes it before the page's messages, so the page is opened (and a missing database
     * said) before they render; it was told too late, logged as an unhandled message and not shown (QA).
     */
    public String getTitle() {
        return isDatabaseShown() ? "FeatherBase: " + database : "FeatherBase";
    }

    public boolean isDatabaseShown() {
        return database != null && !database.isEmpty() && !databaseMissing;
    }

    /** The databases, as many as the Find box lets through. */
    public List<DatabaseSummary> getDatabases() {
        return databaseFilter.matching(databases, DatabaseSummary::name);
    }

    /** The chosen database's tables, as many as the Find box lets through. */
    public List<TableSummary> getTables() {
        return tableFilter.matching(tables, TableSummary::name);
    }

    public NameFilter getDatabaseFilter() {
        return databaseFilter;
    }

    public NameFilter getTableFilter() {
        return tableFilter;
    }

    public String getNewDatabase() {
        return newDatabase;
    }

    public void setNewDatabase(String newDatabase) {
        this.newDatabase = newDatabase;
    }

    public String getNewTable() {
        return newTable;
    }

    public void setNewTable(String newTable) {
        this.newTable = newTable;
    }

    public String getNewColumns() {
        return newColumns;
    }

    public void setNewColumns(String newColumns) {
        this.newColumns = newColumns;
    }

    public RenameForm getRename() {
        return rename;
    }
}
