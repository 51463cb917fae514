package dev.portico.domain.rental;

import java.io.Serializable;
import java.util.Map;

/** Totals over a set of rentals, overall and per car model label (models without rentals omitted). */
public record CarModelBreakdown(RentalTotals overall, Map<String, RentalTotals> perCarModel) implements Serializable {
}
