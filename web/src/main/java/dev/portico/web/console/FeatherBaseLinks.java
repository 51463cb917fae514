package dev.portico.web.console;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Redirects between the FeatherBase screens, with names (any characters) encoded in the query. */
final class FeatherBaseLinks {

    private FeatherBaseLinks() {
    }

    /** To the FeatherBase screen, showing the tables of {@code database} (none: the databases only). */
    static void toDatabase(String database) {
        redirect("/featherbase/index.xhtml" + (database == null ? "" : "?db=" + encode(database)));
    }

    static void toTable(String database, String table) {
        redirect("/featherbase/table.xhtml?db=" + encode(database) + "&table=" + encode(table));
    }

    private static void redirect(String path) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.getFlash().setKeepMessages(true);
            external.getFlash().setRedirect(true);
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
