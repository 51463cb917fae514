package dev.portico.web.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The row being added (no number yet) or overwritten on the table screen, with one value per column. */
public class RowEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Long number;
    private final ArrayList<String> values;

    RowEditor(Long number, List<String> values) {
        this.number = number;
        this.values = new ArrayList<>(values);
    }

    public Long getNumber() {
        return number;
    }

    public List<String> getValues() {
        return values;
    }
}
