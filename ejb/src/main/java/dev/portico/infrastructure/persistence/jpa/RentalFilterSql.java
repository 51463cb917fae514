package dev.portico.infrastructure.persistence.jpa;

import dev.portico.domain.rental.RentalQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.List;

/**
 * The FROM and WHERE of native SQL selecting the rentals of a {@link RentalQuery} ({@code rt} is
 * the rental, {@code rn} its renter), with numbered parameters. Every condition is one that an
 * index serves: the time-in range (ix_rental_time_in, or ix_rental_car_time with a car model; for
 * reports ix_rental_report, which also holds car model and gender), the renter's id (primary key)
 * and the renter's lower-cased name prefix (ix_renter_name_key). The gender is the rental's copy.
 * Without a name prefix the rentals are read first and each renter found by its key
 * (STRAIGHT_JOIN): with statistics stale after a bulk load the optimizer was seen to start from
 * the renters instead and read every rental of every renter (1 s instead of 10 ms at 1,000,000 rentals).
 */
final class RentalFilterSql {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** {@code FROM ... WHERE ...} for the query; joins the renter when {@code withRenter} or when the name filter needs it. */
    RentalFilterSql(RentalQuery query, boolean withRenter) {
        boolean joinRenter = withRenter || query.renterPrefix() != null;
        sql.append(" FROM rental rt");
        if (joinRenter) {
            sql.append(query.renterPrefix() == null ? " STRAIGHT_JOIN" : " JOIN").append(" renter rn ON rn.id = rt.renter_id");
        }
        sql.append(" WHERE rt.time_in >= ").append(parameter(query.start()));
        sql.append(" AND rt.time_in <= ").append(parameter(query.last()));
        if (query.car() != null) {
            sql.append(" AND rt.car_model = ").append(parameter(query.car().label()));
        }
        if (query.gender() != null) {
            sql.append(" AND rt.gender = ").append(parameter(String.valueOf(query.gender())));
        }
        List<String> keyPrefixes = query.renterKeyPrefixes();
        for (int i = 0; i < keyPrefixes.size(); i++) {
            sql.append(i == 0 ? " AND (" : " OR ").append("rn.name_key LIKE ").append(parameter(likePrefix(keyPrefixes.get(i))))
                    .append(" ESCAPE '!'").append(i == keyPrefixes.size() - 1 ? ")" : "");
        }
    }

    /** Appends SQL after the filter (e.g. a further condition, GROUP BY, ORDER BY). */
    RentalFilterSql then(String more) {
        sql.append(more);
        return this;
    }

    /** A placeholder for one more parameter, to use in {@link #then}. */
    String parameter(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    /** The native query {@code select} + this FROM/WHERE and what was appended, with every parameter bound. */
    Query query(EntityManager em, String select) {
        Query query = em.createNativeQuery(select + sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    /** A LIKE pattern for "starts with", the pattern characters of the text escaped with {@code !}. */
    static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
