package dev.portico.application;

import java.util.List;

/** What an import stored and which lines it skipped, and why. */
public record ImportReport(int imported, List<SkippedLine> skipped) {

    public ImportReport {
        skipped = List.copyOf(skipped);
    }

    /** A line left out: its 1-based number, its text and the legacy reason word (e.g. {@code invalid age field}). */
    public record SkippedLine(int lineNumber, String line, String reason) { }
}
