package dev.portico.application;

/** Where an export was written and how many customers it holds. */
public record ExportResult(String file, int customers) { }
