package dev.portico.domain.rental;

import java.time.LocalDateTime;

/** One validated rental of an intake, not yet stored. */
public record RentalDraft(String renter, char gender, CarModel car, int mileageKm, LocalDateTime timeIn, LocalDateTime timeOut) { }
