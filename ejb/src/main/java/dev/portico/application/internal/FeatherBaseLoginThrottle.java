package dev.portico.application.internal;

import dev.portico.domain.account.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * Failed FeatherBase {@code auth}s slow down per client address, whatever user they name (each
 * attempt costs a password hash, so guessing across user names must slow down too): after
 * {@value #FREE_FAILURES} failures from one address, attempts from there wait 1 s, 2 s, ... up to a
 * minute. A success from the address clears its record.
 */
@ApplicationScoped
public class FeatherBaseLoginThrottle extends LoginThrottle {

    static final int FREE_FAILURES = 10;

    public FeatherBaseLoginThrottle() {
        super(Clock.systemUTC(), FREE_FAILURES);
    }
}
