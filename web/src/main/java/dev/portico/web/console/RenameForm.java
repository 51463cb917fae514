package dev.portico.web.console;

import java.io.Serializable;

/** The state of a console rename form: what is renamed (a kind and its current name), the new name, shown or not. */
public class RenameForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String kind = "";
    private String from = "";
    private String to = "";
    private boolean visible;

    /** Shows the form for {@code name}, the new name starting as the old one. */
    public void open(String kind, String name) {
        this.kind = kind;
        this.from = name;
        this.to = name;
        this.visible = true;
    }

    public void close() {
        visible = false;
    }

    public String getKind() {
        return kind;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public boolean isVisible() {
        return visible;
    }
}
