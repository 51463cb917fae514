package dev.portico.web.security;

import dev.portico.domain.account.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;

/** The console's and the API's {@link LoginThrottle}: failed logins slow down per account and client address. */
@ApplicationScoped
public class ConsoleLoginThrottle extends LoginThrottle {
}
