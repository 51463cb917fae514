package dev.portico.web.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A FeatherBase row in the console's grid: its number and its values, editable in place. */
public class GridRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long number;
    private final ArrayList<String> values;

    public GridRow(long number, List<String> values) {
        this.number = number;
        this.values = new ArrayList<>(values);
    }

    public long getNumber() {
        return number;
    }

    public List<String> getValues() {
        return values;
    }
}
