package dev.portico.application.internal;

import dev.portico.application.RentalReports;
import dev.portico.application.RentalSummary;
import dev.portico.domain.rental.CarModelBreakdown;
import dev.portico.domain.rental.MileageTotals;
import dev.portico.domain.rental.RentalPeriod;
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
        MileageTotals totals = rentals.mileage();
        return new MileageSummary(totals.rentals(), totals.totalKm(), totals.averageKm());
    }

    @Override
    public Double averageDurationSeconds() {
        return rentals.averageDurationSeconds();
    }

    @Override
    public Map<LocalDate, Long> rentalsPerDay(RentalQuery query) {
        return rentals.countPer(RentalPeriod.DAY, RentalReports.perDayRange(Objects.requireNonNull(query, "query")));
    }

    @Override
    public RentalSummary summary(RentalQuery query) {
        Objects.requireNonNull(query, "query");
        CarModelBreakdown breakdown = rentals.totalsByCarModel(query);
        RentalPeriod period = RentalPeriod.of(query.from(), query.to());
        return new RentalSummary(breakdown.overall(), breakdown.perCarModel(), rentals.countByGender(query),
                period, rentals.countPer(period, query), rentals.countByMileageBand(query));
    }
}
