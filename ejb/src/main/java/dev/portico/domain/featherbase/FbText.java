package dev.portico.domain.featherbase;

import dev.portico.domain.featherbase.FeatherBaseRefusal.Reason;
import java.util.List;

/**
 * The rules for FeatherBase names (databases, tables, columns, users) and what a socket client must be able to read
 * back: a name is 1 to 255 characters (the schema's VARCHAR(255)), and no name, value or password holds the bytes the
 * protocol frames with (TAB between list items, SOH, STX and ENQ between arguments, EOT at the end of a command and a
 * reply). The socket cannot carry them in; the API and the console are refused them, so that no reply to a socket
 * client ever ends early or splits a value in two.
 */
public final class FbText {

    public static final int MAX_NAME_LENGTH = 255;

    /** The characters no name, value or password may hold: TAB, SOH, STX, EOT, ENQ. */
    static final String FRAMING = "\t\u0001\u0002\u0004\u0005";

    private FbText() {
    }

    /**
     * Refuses an empty name, one longer than {@link #MAX_NAME_LENGTH} characters (code points, as the column counts
     * them: an emoji is one), or one holding a framing character.
     */
    public static void name(String name) throws FeatherBaseRefusal {
        if (name.isEmpty() || characters(name) > MAX_NAME_LENGTH) {
            throw new FeatherBaseRefusal(Reason.INVALID, "names are 1 to " + MAX_NAME_LENGTH + " characters");
        }
        plain(name, "names");
    }

    /** The characters of {@code text} as MariaDB's utf8mb4 columns count them: code points. */
    public static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Refuses a value holding a framing character. */
    public static void value(String value) throws FeatherBaseRefusal {
        plain(value, "values");
    }

    /** Refuses values of which one holds a framing character. */
    public static void values(List<String> values) throws FeatherBaseRefusal {
        for (String value : values) {
            value(value);
        }
    }

    /** Refuses {@code text} if it holds a framing character, naming {@code what} ("values", "passwords") in the refusal. */
    public static void plain(String text, String what) throws FeatherBaseRefusal {
        for (int i = 0; i < text.length(); i++) {
            if (FRAMING.indexOf(text.charAt(i)) >= 0) {
                throw new FeatherBaseRefusal(Reason.INVALID, what + " cannot hold TAB or the control characters SOH, STX, EOT"
                        + " and ENQ, which separate a FeatherBase command's parts (character " + (i + 1) + ")");
            }
        }
    }
}
