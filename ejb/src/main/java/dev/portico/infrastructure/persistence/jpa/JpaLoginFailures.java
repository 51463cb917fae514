package dev.portico.infrastructure.persistence.jpa;

import dev.portico.domain.account.LoginFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/**
 * Failed logins in the {@code login_failure} table, one SQL statement each, through JPA so that they run on the
 * connection of the caller's transaction (the login's account lookup), which they join; a failure is counted by one
 * upsert, so that servers counting at once never lose a count. Times are MariaDB's ({@code NOW(3)}).
 */
@ApplicationScoped
public class JpaLoginFailures implements LoginFailures {

    /** The database's time, in epoch milliseconds: the one clock of every server's records. */
    private static final String NOW = "CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)";
    /** A count stops here (far beyond the longest wait), so that it never overflows. */
    static final int MOST_FAILURES = 1_000_000;
    /** Old records deleted by one call at most, so that the login transaction that happens to do it stays short. */
    static final int FORGET_AT_ONCE = 1_000;

    static final String FIND = "SELECT failures, " + NOW + " - last_failed_millis FROM login_failure WHERE scope = ?1 AND client_key = ?2";
    static final String FAILED = "INSERT INTO login_failure (scope, client_key, failures, last_failed_millis) VALUES (?1, ?2, 1, " + NOW + ")"
            + " ON DUPLICATE KEY UPDATE failures = IF(last_failed_millis <= VALUES(last_failed_millis) - ?3, 1, LEAST(failures + 1, "
            + MOST_FAILURES + ")), last_failed_millis = VALUES(last_failed_millis)";
    static final String CLEAR = "DELETE FROM login_failure WHERE scope = ?1 AND client_key = ?2";
    static final String FORGET = "DELETE FROM login_failure WHERE last_failed_millis <= " + NOW + " - ?1 LIMIT " + FORGET_AT_ONCE;

    @PersistenceContext(unitName = "portico")
    private EntityManager em;

    @Override
    public Optional<Failures> find(String scope, byte[] key) {
        List<?> found = em.createNativeQuery(FIND).setParameter(1, scope).setParameter(2, key).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) found.get(0);
        return Optional.of(new Failures(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
    }

    @Override
    public void failed(String scope, byte[] key, long restartAfterMillis) {
        em.createNativeQuery(FAILED).setParameter(1, scope).setParameter(2, key).setParameter(3, restartAfterMillis).executeUpdate();
    }

    @Override
    public void clear(String scope, byte[] key) {
        em.createNativeQuery(CLEAR).setParameter(1, scope).setParameter(2, key).executeUpdate();
    }

    @Override
    public void forgetOlderThan(long millis) {
        em.createNativeQuery(FORGET).setParameter(1, millis).executeUpdate();
    }
}
