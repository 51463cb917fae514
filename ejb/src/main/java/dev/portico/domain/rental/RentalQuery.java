package dev.portico.domain.rental;

import dev.portico.text.PythonCase;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Which rentals to list or report on: those whose time in falls on a day from {@code from} to
 * {@code to} (inclusive, both days the store can hold: {@link RentalTimes}), optionally only of
 * one car model, one renter gender ({@code M} or {@code F}) and renters whose name starts with
 * {@code renterPrefix} (ignoring case).
 */
public record RentalQuery(LocalDate from, LocalDate to, CarModel car, Character gender, String renterPrefix) implements Serializable {

    public RentalQuery {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a rental query needs a first and a last day");
        }
        if (!RentalTimes.storable(from) || !RentalTimes.storable(to)) {
            throw new IllegalArgumentException("days must be from " + RentalTimes.FIRST_DAY + " to " + RentalTimes.LAST_DAY
                    + ", got " + from + " to " + to);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the last day " + to + " is before the first day " + from);
        }
        if (gender != null && gender != 'M' && gender != 'F') {
            throw new IllegalArgumentException("gender must be M or F, got '" + gender + "'");
        }
        renterPrefix = renterPrefix == null || renterPrefix.isBlank() ? null : renterPrefix.strip();
        if (renterPrefix != null && renterPrefix.codePointCount(0, renterPrefix.length()) > RentalPayload.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a renter name has at most " + RentalPayload.MAX_NAME_LENGTH + " characters");
        }
    }

    /** Every rental taken on a day from {@code from} to {@code to}. */
    public static RentalQuery between(LocalDate from, LocalDate to) {
        return new RentalQuery(from, to, null, null, null);
    }

    /** The first instant of the range. */
    public LocalDateTime start() {
        return from.atStartOfDay();
    }

    /**
     * The last instant of the range (times are stored in whole seconds). Inclusive, so that a range
     * ending on the last storable day needs no day after it.
     */
    public LocalDateTime last() {
        return to.atTime(RentalTimes.LAST_SECOND_OF_DAY);
    }

    /**
     * The name prefix lower-cased as the stored name keys are (Python's {@code str.lower()}): one
     * form, or two for a prefix ending in a capital sigma (see {@link PythonCase#lowerPrefixes}); empty without one.
     */
    public List<String> renterKeyPrefixes() {
        return renterPrefix == null ? List.of() : PythonCase.lowerPrefixes(renterPrefix);
    }
}
