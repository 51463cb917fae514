package dev.portico.web.console;

import jakarta.faces.context.FacesContext;
import org.primefaces.component.datatable.DataTable;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A list's "Find" box on a console screen: the entries whose name contains the typed text, ignoring case (all of them
 * while it is empty); a new text shows its table from the first page.
 */
public final class NameFilter implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_LENGTH = 255;

    private final String tableId;
    private String text = "";
    private boolean changed;

    /** A filter for the data table {@code tableId} (its client id, e.g. {@code :databaseForm:databases}). */
    public NameFilter(String tableId) {
        this.tableId = tableId;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        String typed = text == null ? "" : text.strip();
        typed = typed.length() > MAX_LENGTH ? typed.substring(0, MAX_LENGTH) : typed;
        changed = !typed.equals(this.text);
        this.text = typed;
    }

    /** The entries of {@code all} whose name contains the text, in their order. */
    public <T> List<T> matching(List<T> all, Function<T, String> name) {
        if (text.isEmpty()) {
            return all;
        }
        String wanted = text.toLowerCase(Locale.ROOT);
        return all.stream().filter(entry -> name.apply(entry).toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }

    /** What an empty table says: {@code unfiltered} when nothing is typed, else that no name contains the text. */
    public String none(String unfiltered) {
        return text.isEmpty() ? unfiltered : "No name contains \u201C" + text + "\u201D.";
    }

    /** After a key in the box: if the text changed, its table starts again at the first page (not for Tab or an arrow). */
    public void changed() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (changed && context != null && context.getViewRoot().findComponent(tableId) instanceof DataTable table) {
            table.setFirst(0);
        }
        changed = false;
    }
}
