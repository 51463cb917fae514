package dev.portico.application;

import java.util.List;

/**
 * What an import stored and which lines it skipped, and why: {@code skippedCount} lines in all, of
 * which {@code skipped} lists the first ones (all of them, unless the caller bounded the list).
 */
public record ImportReport(int imported, int skippedCount, List<SkippedLine> skipped) {

    public ImportReport {
        skipped = List.copyOf(skipped);
        if (skippedCount < skipped.size()) {
            throw new IllegalArgumentException("skippedCount " + skippedCount + " is below the " + skipped.size() + " lines listed");
        }
    }

    /** A report that lists every skipped line. */
    public ImportReport(int imported, List<SkippedLine> skipped) {
        this(imported, skipped.size(), skipped);
    }

    /** A line left out: its 1-based number, its text and the legacy reason word (e.g. {@code invalid age field}). */
    public record SkippedLine(int lineNumber, String line, String reason) { }
}
