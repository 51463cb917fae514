package dev.portico.web.rest;

import dev.portico.domain.rental.RentalRecord;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The {@code after} of a rentals page's next link: the page's last rental as its time in and id
 * ({@code 2024-05-01T09:00:00,12}), so that the next page continues from it in the index (keyset) instead of
 * skipping a growing offset: a page a million rentals deep costs what the first one does.
 */
final class RentalCursor {

    private static final int MAX_LENGTH = 60;

    private RentalCursor() {
    }

    static String of(RentalRecord last) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(last.timeIn()) + "," + last.id();
    }

    /** The rental a cursor names (its key only); anything that is not one is refused, saying what a cursor is (the API's 400). */
    static RentalRecord parse(String cursor) {
        String text = cursor == null ? "" : cursor.strip();
        int comma = text.lastIndexOf(',');
        if (text.length() <= MAX_LENGTH && comma > 0) {
            try {
                long id = Long.parseLong(text.substring(comma + 1));
                if (id > 0) {
                    return RentalRecord.key(id, LocalDateTime.parse(text.substring(0, comma)));
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                // answered below
            }
        }
        throw new IllegalArgumentException("after must be the value a next link gave (a time in and an id, e.g. 2024-05-01T09:00:00,12), got '"
                + QueryNumbers.shown(text) + "'");
    }
}
