package dev.portico.domain.rental;

import java.io.Serializable;
import java.time.LocalDateTime;

/** A stored rental as lists and exports show it: with its renter's name and gender. */
public record RentalRecord(long id, String renter, String gender, String carModel, int mileageKm,
                           LocalDateTime timeIn, LocalDateTime timeOut) implements Serializable {

    /**
     * Only a rental's place in (time in, id) order, which {@code RentalSearch.after} continues from (e.g. a page's last
     * rental as a client sent it back); the other fields are empty.
     */
    public static RentalRecord key(long id, LocalDateTime timeIn) {
        return new RentalRecord(id, null, null, null, 0, timeIn, null);
    }
}
