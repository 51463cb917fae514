package dev.portico.infrastructure.persistence.jpa;

import dev.portico.domain.account.AccountRefusal;
import dev.portico.domain.account.ConsoleAccount;
import dev.portico.domain.account.ConsoleAccountRepository;
import dev.portico.domain.account.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Console accounts in MariaDB through JPA; joins the caller's transaction. */
@ApplicationScoped
public class JpaConsoleAccountRepository implements ConsoleAccountRepository {

    @PersistenceContext(unitName = "portico")
    private EntityManager em;

    @Override
    public Optional<ConsoleAccount> find(String name) {
        return Optional.ofNullable(em.find(ConsoleAccount.class, name));
    }

    @Override
    public List<ConsoleAccount> findAll() {
        return em.createNamedQuery("ConsoleAccount.findAll", ConsoleAccount.class).getResultList();
    }

    @Override
    public long countWithRole(Role role) {
        return em.createNamedQuery("ConsoleAccount.countByRole", Long.class).setParameter("role", role.id()).getSingleResult();
    }

    @Override
    public void store(ConsoleAccount account) throws AccountRefusal {
        // Asked first (a failed INSERT is logged as a warning), in any case: names that differ only in case would be
        // told apart by nobody reading a list or a log. Logins stay exact.
        List<String> taken = em.createNamedQuery("ConsoleAccount.namesLike", String.class)
                .setParameter("lower", account.name().toLowerCase(Locale.ROOT)).setMaxResults(1).getResultList();
        if (!taken.isEmpty()) {
            throw taken.get(0).equals(account.name()) ? exists(account) : new AccountRefusal(AccountRefusal.Reason.EXISTS,
                    "An account named " + taken.get(0) + " exists already; names that differ only in case are not told apart");
        }
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            if (SqlErrors.isDuplicateKey(e)) { // created meanwhile
                throw exists(account);
            }
            throw e;
        }
    }

    private static AccountRefusal exists(ConsoleAccount account) {
        return new AccountRefusal(AccountRefusal.Reason.EXISTS, "An account named " + account.name() + " exists already");
    }

    @Override
    public void remove(ConsoleAccount account) {
        em.remove(account);
    }
}
