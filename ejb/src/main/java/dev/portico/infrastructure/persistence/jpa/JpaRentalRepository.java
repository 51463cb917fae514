package dev.portico.infrastructure.persistence.jpa;

import dev.portico.domain.rental.Rental;
import dev.portico.domain.rental.RentalRepository;
import dev.portico.domain.rental.Renter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renters and rentals in MariaDB through JPA; aggregates are SQL, never loops over rows. Joins the caller's transaction. */
@ApplicationScoped
public class JpaRentalRepository implements RentalRepository {

    @PersistenceContext(unitName = "portico")
    private EntityManager em;

    @Override
    public Renter renter(String name, char gender) {
        // One statement that inserts or finds, so concurrent intakes of the same renter never collide.
        em.createNativeQuery("INSERT INTO renter (name, gender) VALUES (?1, ?2) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)")
                .setParameter(1, name).setParameter(2, String.valueOf(gender)).executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        return em.getReference(Renter.class, id);
    }

    @Override
    public void store(Rental rental) {
        em.persist(rental);
    }

    @Override
    public Map<String, Long> countByCarModel() {
        return counts(em.createNamedQuery("Rental.countByCarModel", Object[].class).getResultList());
    }

    @Override
    public Map<String, Long> countByGender() {
        return counts(em.createNamedQuery("Rental.countByGender", Object[].class).getResultList());
    }

    @Override
    public Object[] mileage() {
        return em.createNamedQuery("Rental.mileage", Object[].class).getSingleResult();
    }

    @Override
    public Double averageDurationSeconds() {
        Object average = em.createNativeQuery("SELECT AVG(TIMESTAMPDIFF(SECOND, time_in, time_out)) FROM rental").getSingleResult();
        return average == null ? null : ((Number) average).doubleValue();
    }

    @Override
    public Map<LocalDate, Long> countPerDay(LocalDateTime from, LocalDateTime to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DATE(time_in) AS day, COUNT(*) FROM rental"
                        + " WHERE time_in >= ?1 AND time_in < ?2 GROUP BY DATE(time_in) ORDER BY day")
                .setParameter(1, from).setParameter(2, to).getResultList();
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        for (Object[] row : rows) {
            LocalDate day = row[0] instanceof Date date ? date.toLocalDate() : (LocalDate) row[0];
            perDay.put(day, ((Number) row[1]).longValue());
        }
        return perDay;
    }

    private static Map<String, Long> counts(List<Object[]> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
