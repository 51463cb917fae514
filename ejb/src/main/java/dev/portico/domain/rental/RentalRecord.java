package dev.portico.domain.rental;

import java.io.Serializable;
import java.time.LocalDateTime;

/** A stored rental as lists and exports show it: with its renter's name and gender. */
public record RentalRecord(long id, String renter, String gender, String carModel, int mileageKm,
                           LocalDateTime timeIn, LocalDateTime timeOut) implements Serializable {
}
