package dev.portico.domain.rental;

/** The stored rentals' mileage: how many rentals, their kilometres in total and on average ({@code null} without rentals). */
public record MileageTotals(long rentals, long totalKm, Double averageKm) {
}
