package dev.portico.infrastructure.persistence.jpa;

import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerFilter;
import dev.portico.domain.customer.CustomerQuery;
import dev.portico.domain.customer.CustomerRepository;
import dev.portico.domain.customer.DuplicateCustomerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Customers in MariaDB through JPA; joins the caller's transaction. */
@ApplicationScoped
public class JpaCustomerRepository implements CustomerRepository {

    /** EclipseLink's query hint for results that are not registered in the persistence context (QueryHints.READ_ONLY). */
    private static final String READ_ONLY = "eclipselink.read-only";

    @PersistenceContext(unitName = "portico")
    private EntityManager em;

    @Override
    public Optional<Customer> findByName(String name) {
        return em.createNamedQuery("Customer.findByNameKey", Customer.class).setParameter("nameKey", Customer.keyOf(name))
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Customer> findByNameForUpdate(String name) {
        return em.createNamedQuery("Customer.findByNameKey", Customer.class).setParameter("nameKey", Customer.keyOf(name))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /**
     * First the page's ids (from the index alone when unfiltered, so a deep offset skips index
     * entries, not rows; a page {@code after} a customer starts where it is in the order's index), then those rows
     * by primary key, put back in the ids' order.
     */
    @Override
    public List<Customer> findPage(CustomerQuery query, int rows) {
        CustomerJpql jpql = CustomerJpql.of(query.filter());
        if (query.after() != null) {
            jpql = jpql.after(query.order(), query.after());
        }
        TypedQuery<Long> ids = em.createQuery(jpql.selectIds(query.order()), Long.class)
                .setFirstResult(query.offset()).setMaxResults(rows);
        jpql.parameters().forEach(ids::setParameter);
        List<Long> page = ids.getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < page.size(); i++) {
            position.put(page.get(i), i);
        }
        return em.createNamedQuery("Customer.findByIds", Customer.class).setParameter("ids", page).getResultStream()
                .sorted(Comparator.comparing(customer -> position.get(customer.id()))).toList();
    }

    @Override
    public long count(CustomerFilter filter) {
        CustomerJpql jpql = CustomerJpql.of(filter);
        TypedQuery<Long> count = em.createQuery(jpql.count(), Long.class);
        jpql.parameters().forEach(count::setParameter);
        return count.getSingleResult();
    }

    @Override
    public List<Customer> findAfter(String nameKey, int limit) {
        return em.createNamedQuery("Customer.findAfter", Customer.class).setParameter("nameKey", nameKey)
                .setHint(READ_ONLY, "TRUE").setMaxResults(limit).getResultList();
    }

    @Override
    public void store(Customer customer) throws DuplicateCustomerException {
        try {
            em.persist(customer);
            em.flush();
        } catch (PersistenceException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                throw new DuplicateCustomerException(customer.name());
            }
            throw e;
        }
    }

    @Override
    public void remove(Customer customer) {
        em.remove(customer);
    }
}
