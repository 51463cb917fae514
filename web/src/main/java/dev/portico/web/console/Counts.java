package dev.portico.web.console;

import java.util.Locale;

/** A count with its noun as the console writes it: {@code 1 row}, {@code 0 rows}, {@code 2,498 customers}. */
final class Counts {

    private Counts() {
    }

    static String of(long count, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? one : many);
    }
}
