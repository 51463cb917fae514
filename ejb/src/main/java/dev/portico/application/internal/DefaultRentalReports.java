package dev.portico.application.internal;

import dev.portico.application.RentalReports;
import dev.portico.application.RentalSummary;
import dev.portico.domain.rental.CarModelBreakdown;
import dev.portico.domain.rental.RentalQuery;
import dev.portico.domain.rental.RentalRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/** Rental reports from SQL aggregates. */
@Stateless
public class DefaultRentalReports implements RentalReports {

    @Inject
    private RentalRepository rentals;

    @Override
    public Map<String, Long> rentalsPerCarModel() {
        return rentals.countByCarModel();
    }

    @Override
    public Map<String, Long> rentalsPerGender() {
        return rentals.countByGender();
    }

    @Override
    public MileageSummary mileage() {
        Object[] row = rentals.mileage();
        return new MileageSummary(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                row[2] == null ? null : ((Number) row[2]).doubleValue());
    }

    @Override
    public Double averageDurationSeconds() {
        return rentals.averageDurationSeconds();
    }

    @Override
    public Map<LocalDate, Long> rentalsPerDay(RentalQuery query) {
        return rentals.countPerDay(Objects.requireNonNull(query, "query"));
    }

    @Override
    public RentalSummary summary(RentalQuery query) {
        Objects.requireNonNull(query, "query");
        CarModelBreakdown breakdown = rentals.totalsByCarModel(query);
        return new RentalSummary(breakdown.overall(), breakdown.perCarModel(), rentals.countByGender(query),
                rentals.countPerDay(query), rentals.countByMileageBand(query));
    }
}
