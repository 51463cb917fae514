package dev.portico.domain.featherbase;

import dev.portico.domain.featherbase.FeatherBaseRefusal.Reason;

/** The rule for FeatherBase names (databases, tables, columns, users): 1 to 255 characters, the schema's VARCHAR(255). */
public final class FbNames {

    public static final int MAX_LENGTH = 255;

    private FbNames() {
    }

    /** Refuses an empty name or one longer than {@link #MAX_LENGTH} characters. */
    public static void check(String name) throws FeatherBaseRefusal {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new FeatherBaseRefusal(Reason.INVALID, "names are 1 to " + MAX_LENGTH + " characters");
        }
    }
}
