package dev.portico.infrastructure.persistence.jpa;

import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerRepository;
import dev.portico.domain.customer.DuplicateCustomerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.List;
import java.util.Optional;

/** Customers in MariaDB through JPA; joins the caller's transaction. */
@ApplicationScoped
public class JpaCustomerRepository implements CustomerRepository {

    @PersistenceContext(unitName = "portico")
    private EntityManager em;

    @Override
    public Optional<Customer> findByName(String name) {
        return em.createNamedQuery("Customer.findByName", Customer.class).setParameter("name", name)
                .getResultStream().findFirst();
    }

    @Override
    public List<Customer> findAll() {
        return em.createNamedQuery("Customer.findAll", Customer.class).getResultList();
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
