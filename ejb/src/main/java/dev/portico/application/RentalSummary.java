package dev.portico.application;

import dev.portico.domain.rental.MileageBand;
import dev.portico.domain.rental.RentalPeriod;
import dev.portico.domain.rental.RentalTotals;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/**
 * The reports over the rentals a query selects, each aggregated by the database: totals (count,
 * kilometres, average duration) overall and per car model, counts per gender, per period (day, month or
 * year, as long as the range: {@link RentalPeriod#of}; keyed by the period's first day) and per mileage band.
 * Keys without rentals are omitted.
 */
public record RentalSummary(RentalTotals overall, Map<String, RentalTotals> perCarModel, Map<String, Long> perGender,
                            RentalPeriod period, Map<LocalDate, Long> perPeriod, Map<MileageBand, Long> perMileageBand)
        implements Serializable {
}
