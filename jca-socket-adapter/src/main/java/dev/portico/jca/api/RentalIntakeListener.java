package dev.portico.jca.api;

/** Listener for the car-rental intake protocol: one decoded pickle per connection, one reply. */
public interface RentalIntakeListener {

    /** Validates and stores the rentals; the reply is written when this method has returned. */
    RentalIntakeReply onIntake(RentalIntakeRequest request);
}
