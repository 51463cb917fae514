package dev.portico.domain.rental;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How rentals over a range of days are counted: per day up to {@value #MAX_DAYS} days, per month up to
 * {@value #MAX_MONTHS} months, per year beyond. So a count over any range the store can hold (years 1000 to 9999)
 * has at most a few thousand entries, however many distinct days a million rentals fall on.
 */
public enum RentalPeriod {
    DAY("day", "DATE(rt.time_in)"),
    MONTH("month", "MAKEDATE(YEAR(rt.time_in), 1) + INTERVAL (MONTH(rt.time_in) - 1) MONTH"),
    YEAR("year", "MAKEDATE(YEAR(rt.time_in), 1)");

    /** The longest range counted per day: two years and a day. */
    public static final int MAX_DAYS = 731;
    /** The longest range counted per month: a hundred years. */
    public static final int MAX_MONTHS = 1200;

    private final String word;
    private final String sql;

    RentalPeriod(String word, String sql) {
        this.word = word;
        this.sql = sql;
    }

    /** The period for the days from {@code from} to {@code to}, both included. */
    public static RentalPeriod of(LocalDate from, LocalDate to) {
        if (ChronoUnit.DAYS.between(from, to) < MAX_DAYS) {
            return DAY;
        }
        return ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1)) < MAX_MONTHS ? MONTH : YEAR;
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The period after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }

    /** How a period starting on {@code start} is written: 2024-03-01, 2024-03, 2024. */
    public String label(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case MONTH -> start.toString().substring(0, start.toString().length() - 3);
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** day, month, year. */
    public String word() {
        return word;
    }

    /** The SQL expression giving the first day of a rental's period (alias {@code rt}), a DATE. */
    public String sql() {
        return sql;
    }
}
