package dev.portico.domain.rental;

import java.io.Serializable;

/** Totals over a set of rentals: how many, kilometres in total, average kilometres and duration (null without rentals). */
public record RentalTotals(long rentals, long totalKm, Double averageKm, Double averageDurationSeconds) implements Serializable {
}
