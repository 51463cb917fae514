package dev.portico.application;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.logging.Logger;

/**
 * Settings from portico.xml's variables, bound as JNDI entries: {@code portico.<group>.<name>} at
 * {@code portico/<group>/<name>}. A missing, blank or unreadable entry falls back to the portico.xml default, with a
 * warning, so a server without the entries still runs within its limits.
 */
public final class ServerSettings {

    private static final Logger LOG = Logger.getLogger(ServerSettings.class.getName());

    private ServerSettings() {
    }

    /** The entry's text, stripped; {@code fallback} when there is none. */
    public static String text(String group, String name, String fallback) {
        try {
            Object value = new InitialContext().lookup("portico/" + group + "/" + name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().strip();
            }
        } catch (NamingException e) {
            // reported below
        }
        LOG.warning("portico." + group + "." + name + " is not configured; using " + fallback);
        return fallback;
    }

    /** The entry as a whole number from 1 to {@code max}; {@code fallback} when there is none or it is not one. */
    public static long positive(String group, String name, long fallback, long max) {
        String value = text(group, name, Long.toString(fallback));
        try {
            long parsed = Long.parseLong(value);
            if (parsed > 0 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warning("portico." + group + "." + name + " must be a whole number from 1 to " + max + ", not " + value + "; using " + fallback);
        return fallback;
    }
}
