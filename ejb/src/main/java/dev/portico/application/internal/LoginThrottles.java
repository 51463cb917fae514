package dev.portico.application.internal;

import dev.portico.domain.account.LoginFailures;
import dev.portico.domain.account.LoginThrottle;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Clock;

/**
 * The two {@link LoginThrottle}s, on the failures every server on the database shares:
 * <ul>
 * <li>the console's and the JSON API's: per account and client address, after {@value LoginThrottle#FREE_FAILURES}
 *     free failures;</li>
 * <li>FeatherBase {@code auth}'s: per client address, whatever user it names (each attempt costs a password hash,
 *     so guessing across user names must slow down too), after {@value #FEATHERBASE_FREE_FAILURES} free failures.</li>
 * </ul>
 * Each then waits 1 s, 2 s, ... up to a minute. An attempt is in flight until its transaction ends, when what it
 * wrote is what the next attempt for the same key reads.
 */
@ApplicationScoped
public class LoginThrottles {

    static final int FEATHERBASE_FREE_FAILURES = 10;

    @Inject
    private LoginFailures failures;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private LoginThrottle console;
    private LoginThrottle featherBase;

    @PostConstruct
    void create() {
        console = new LoginThrottle("console", failures, Clock.systemUTC(), LoginThrottle.FREE_FAILURES, this::atTransactionEnd);
        featherBase = new LoginThrottle("featherbase", failures, Clock.systemUTC(), FEATHERBASE_FREE_FAILURES, this::atTransactionEnd);
    }

    /** Runs {@code done} once the caller's transaction has committed or rolled back, or now if it has none. */
    private void atTransactionEnd(Runnable done) {
        if (transactions.getTransactionKey() == null) {
            done.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before
            }

            @Override
            public void afterCompletion(int status) {
                done.run();
            }
        });
    }

    public LoginThrottle console() {
        return console;
    }

    public LoginThrottle featherBase() {
        return featherBase;
    }
}
