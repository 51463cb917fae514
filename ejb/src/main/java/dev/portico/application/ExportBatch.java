package dev.portico.application;

import java.util.List;

/**
 * Consecutive customers as data-file lines ({@code name|age|address|phone}), in name-key order, and
 * the name key to continue after ({@code null} when the batch is empty).
 */
public record ExportBatch(List<String> lines, String lastNameKey) {

    public ExportBatch {
        lines = List.copyOf(lines);
    }
}
