package dev.portico.web.console;

import dev.portico.application.FeatherBaseQueries;
import dev.portico.application.FeatherBaseQueries.TableView;
import dev.portico.application.FeatherBaseService;
import dev.portico.application.TableRef;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.component.api.DynamicColumn;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.event.CellEditEvent;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A FeatherBase table ({@code ?db=&table=}): its rows in a lazy grid with in-cell editing, adding
 * and overwriting rows, and its columns; every change is the socket protocol's service call.
 */
@Named
@ViewScoped
public class FeatherBaseTablePage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String GRID = "grid:rows";

    @EJB
    private FeatherBaseQueries queries;

    @EJB
    private FeatherBaseService featherBase;

    @Inject
    private CurrentUser currentUser;

    private String database;
    private String table;
    private TableView view;
    private FeatherBaseRowModel rows;

    private RowEditor rowEditor;
    private String newColumn = "";
    private final RenameForm rename = new RenameForm();
    private Long goToRow;

    /** Opens on the table named by the request's {@code db} and {@code table} parameters. */
    @PostConstruct
    void open() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        database = parameters.get("db");
        table = parameters.get("table");
        load();
    }

    /** Loads the table's columns and row count (when the page opens, and after changes to its columns). */
    public void load() {
        view = null;
        rows = null;
        if (database == null || table == null) {
            return;
        }
        try {
            TableRef ref = new TableRef(database, table);
            view = queries.table(ref);
            rows = new FeatherBaseRowModel(queries, ref, view.columns());
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
        }
    }

    /** Saves an edited cell ({@code overwritecell}); a refused edit puts the cell's old value back. */
    public void onCellEdit(CellEditEvent<Object> event) {
        String oldValue = Objects.toString(event.getOldValue(), "");
        String newValue = Objects.toString(event.getNewValue(), "");
        if (newValue.equals(oldValue) || getView() == null || !(event.getColumn() instanceof DynamicColumn column)
                || !(event.getRowData() instanceof GridRow edited)) {
            return;
        }
        if (!currentUser.mayChange()) {
            edited.getValues().set(column.getIndex(), oldValue);
            return;
        }
        String name = getView().columns().get(column.getIndex());
        try {
            featherBase.overwriteCell(null, database, table, edited.getNumber(), name, newValue);
            FeatherBaseMessages.done("Row " + edited.getNumber() + ", column \u201C" + name + "\u201D saved.");
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
            edited.getValues().set(column.getIndex(), oldValue);
        }
    }

    public void startAddRow() {
        rowEditor = new RowEditor(null, Collections.nCopies(getView().columns().size(), ""));
    }

    /** Opens the row editor on a stored row, to overwrite it. */
    public void startOverwrite(long row) {
        try {
            rowEditor = new RowEditor(row, featherBase.getRow(null, database, table, row));
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
        }
    }

    public void cancelRow() {
        rowEditor = null;
    }

    /** Adds the editor's row ({@code addrow}) or overwrites the row it was opened on ({@code overwriterow}). */
    public String saveRow() {
        if (!currentUser.mayChange() || rowEditor == null) {
            return null;
        }
        try {
            if (rowEditor.getNumber() == null) {
                long number = featherBase.addRow(null, database, table, rowEditor.getValues());
                FeatherBaseMessages.done("Row " + number + " added.");
            } else {
                featherBase.overwriteRow(null, database, table, rowEditor.getNumber(), rowEditor.getValues());
                FeatherBaseMessages.done("Row " + rowEditor.getNumber() + " overwritten.");
            }
            rowEditor = null;
            load();
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
        }
        return null;
    }

    public String addColumn() {
        if (!currentUser.mayChange()) {
            return null;
        }
        try {
            featherBase.addColumn(null, database, table, newColumn);
            FeatherBaseMessages.done("Column " + newColumn + " added.");
            newColumn = "";
            load();
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused("columnForm:newColumn", refusal);
        }
        return null;
    }

    public String deleteColumn(String column) {
        if (!currentUser.mayChange()) {
            return null;
        }
        try {
            featherBase.deleteColumn(null, database, table, column);
            FeatherBaseMessages.done("Column " + column + " deleted with its values.");
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
        }
        load();
        return null;
    }

    public void startRenameColumn(String column) {
        rename.open("column", column);
    }

    public void startRenameTable() {
        rename.open("table", table);
    }

    public void cancelRename() {
        rename.close();
    }

    /** Applies the rename form: a column, or the table (then the page moves to the new name). */
    public String rename() {
        if (!currentUser.mayChange()) {
            return null;
        }
        try {
            if (rename.getKind().equals("table")) {
                featherBase.renameTable(null, database, table, rename.getTo());
                FeatherBaseMessages.done("Table renamed to " + rename.getTo() + ".");
                FeatherBaseLinks.toTable(database, rename.getTo());
                return null;
            }
            featherBase.renameColumn(null, database, table, rename.getFrom(), rename.getTo());
            FeatherBaseMessages.done("Column " + rename.getFrom() + " renamed to " + rename.getTo() + ".");
            rename.close();
            load();
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused("renameForm:renameTo", refusal);
        }
        return null;
    }

    public String deleteTable() {
        if (!currentUser.mayChange()) {
            return null;
        }
        try {
            featherBase.deleteTable(null, database, table);
            FeatherBaseMessages.done("Table " + table + " deleted with its rows.");
            FeatherBaseLinks.toDatabase(database);
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
        }
        return null;
    }

    /** Shows the page of the grid that holds row {@link #getGoToRow()}. */
    public void goToRow() {
        TableView shown = getView();
        if (goToRow == null || shown == null) {
            return;
        }
        if (goToRow < 0 || goToRow >= shown.rows()) {
            String text = shown.rows() == 0 ? "There is no row " + goToRow + "; the table has no rows."
                    : "There is no row " + goToRow + "; rows are 0 to " + (shown.rows() - 1) + ".";
            // as the field's converter message: summary and detail alike (its p:message shows the detail)
            FacesContext.getCurrentInstance().addMessage("grid:goToRow", new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            return;
        }
        UIComponent found = FacesContext.getCurrentInstance().getViewRoot().findComponent(GRID);
        if (found instanceof DataTable grid) {
            grid.setFirst((int) (goToRow - goToRow % grid.getRows()));
        }
    }

    /** Re-reads columns and row count: changes made over the socket meanwhile show up. */
    public void refresh() {
        load();
    }

    public String getDatabase() {
        return database;
    }

    public String getTable() {
        return table;
    }

    /** Whether the request named a database and a table at all (the page opened without them names none). */
    public boolean isNamed() {
        return database != null && !database.isEmpty() && table != null && !table.isEmpty();
    }

    /** What the page says when it has no table to show. */
    public String getMissing() {
        return isNamed() ? "There is no such table." : "No table was named: choose one on the FeatherBase page.";
    }

    /** The page's heading: {@code FeatherBase table db.t}, or just {@code FeatherBase table} when none is named. */
    public String getTitle() {
        return isNamed() ? "FeatherBase table " + database + "." + table : "FeatherBase table";
    }

    /** The table's size as the page heads it: {@code 1 row, 2 columns}. */
    public String getSummary() {
        TableView shown = getView();
        return shown == null ? "" : Counts.of(shown.rows(), "row", "rows") + ", " + Counts.of(shown.columns().size(), "column", "columns");
    }

    /** The table as the page shows it: its columns and row count when last loaded. */
    public TableView getView() {
        return view;
    }

    public FeatherBaseRowModel getRows() {
        return rows;
    }

    public RowEditor getRowEditor() {
        return rowEditor;
    }

    public String getNewColumn() {
        return newColumn;
    }

    public void setNewColumn(String newColumn) {
        this.newColumn = newColumn;
    }

    public RenameForm getRename() {
        return rename;
    }

    public Long getGoToRow() {
        return goToRow;
    }

    public void setGoToRow(Long goToRow) {
        this.goToRow = goToRow;
    }
}
