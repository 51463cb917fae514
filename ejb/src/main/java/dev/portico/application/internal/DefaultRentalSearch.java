package dev.portico.application.internal;

import dev.portico.application.RentalSearch;
import dev.portico.domain.rental.RentalQuery;
import dev.portico.domain.rental.RentalRecord;
import dev.portico.domain.rental.RentalRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Rental lists paged by MariaDB: LIMIT/OFFSET for screens, keyset for exports. */
@Stateless
public class DefaultRentalSearch implements RentalSearch {

    @Inject
    private RentalRepository rentals;

    @Override
    public Optional<LocalDate> latestDay() {
        LocalDateTime upToToday = rentals.latestTimeInBefore(LocalDate.now().plusDays(1).atStartOfDay());
        return Optional.ofNullable(upToToday != null ? upToToday : rentals.latestTimeIn())
                .map(LocalDateTime::toLocalDate);
    }

    @Override
    public List<RentalRecord> page(RentalQuery query, boolean newestFirst, int first, int size) {
        Objects.requireNonNull(query, "query");
        if (first < 0) {
            throw new IllegalArgumentException("first must be 0 or more, got " + first);
        }
        return rentals.find(query, newestFirst, first, checkedSize(size));
    }

    @Override
    public List<RentalRecord> page(RentalQuery query, boolean newestFirst, int first, int size, long total) {
        return NearerEnd.page(first, checkedSize(size), total,
                (reversed, from, count) -> page(query, reversed != newestFirst, from, count));
    }

    @Override
    public List<RentalRecord> after(RentalQuery query, RentalRecord after, int size) {
        Objects.requireNonNull(query, "query");
        return rentals.findAfter(query, after, checkedSize(size));
    }

    private static int checkedSize(int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " rentals, got " + size);
        }
        return size;
    }
}
