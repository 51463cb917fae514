package dev.portico.application;

import dev.portico.domain.rental.RentalQuery;
import dev.portico.domain.rental.RentalRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Lists stored rentals a page at a time, paged by the database: by position for screens, by key
 * (after a given rental) for exports that walk the whole selection. Pages hold 1 to {@value #MAX_PAGE} rentals.
 */
public interface RentalSearch {

    int MAX_PAGE = 1000;

    /**
     * The day of the latest time in of any rental up to today; of the latest of all when every one is dated later (a
     * rental dated in the future is a typing error more often than a plan); empty without rentals.
     */
    Optional<LocalDate> latestDay();

    /** {@code size} rentals from position {@code first} of the selection ordered by time in (then id), newest or oldest first. */
    List<RentalRecord> page(RentalQuery query, boolean newestFirst, int first, int size);

    /**
     * As {@link #page(RentalQuery, boolean, int, int)}, knowing that the selection holds {@code total}
     * rentals (e.g. from the summary): a page in the second half is read from the other end, so
     * that the database never skips more than half of the selection.
     */
    List<RentalRecord> page(RentalQuery query, boolean newestFirst, int first, int size, long total);

    /** The next {@code size} rentals after {@code after} in (time in, id) order, oldest first; the first ones when {@code after} is null. */
    List<RentalRecord> after(RentalQuery query, RentalRecord after, int size);
}
