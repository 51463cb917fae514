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
 * upsert, so that servers counting at once never lose a count.
 */
@ApplicationScoped
public class JpaLoginFailures implements LoginFailures {

    static final String FIND = "SELECT failures, last_failed_millis FROM login_failure WHERE scope = ?1 AND client_key = ?2";
    static final String FAILED = "INSERT INTO login_failure (scope, client_key, failures, last_failed_millis) VALUES (?1, ?2, 1, ?3)"
            + " ON DUPLICATE KEY UPDATE failures = failures + 1, last_failed_millis = GREATEST(last_failed_millis, VALUES(last_failed_millis))";
    static final String CLEAR = "DELETE FROM login_failure WHERE scope = ?1 AND client_key = ?2";
    static final String FORGET = "DELETE FROM login_failure WHERE last_failed_millis < ?1";

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
    public void failed(String scope, byte[] key, long nowMillis) {
        em.createNativeQuery(FAILED).setParameter(1, scope).setParameter(2, key).setParameter(3, nowMillis).executeUpdate();
    }

    @Override
    public void clear(String scope, byte[] key) {
        em.createNativeQuery(CLEAR).setParameter(1, scope).setParameter(2, key).executeUpdate();
    }

    @Override
    public void forgetBefore(long millis) {
        em.createNativeQuery(FORGET).setParameter(1, millis).executeUpdate();
    }
}
