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
 * When {@code rentalsFirst} the rentals are read first and each renter found by its key
 * (STRAIGHT_JOIN): with statistics stale after a bulk load the optimizer was seen to start from
 * the renters instead and read every rental of every renter (1 s instead of 10 ms at 1,000,000 rentals).
 * A page of rentals is read so unless a name prefix narrows the query to few rentals ({@link #fewRentals}).
 */
final class RentalFilterSql {

    /**
     * Rentals a query with a name prefix may select for a page to be read from its renters: a page read from the renters
     * reads and sorts every rental of every one (a prefix matching 22,600 of 625,000 renters took 1.1-1.4 s a page that
     * way, QA); one read from the rentals in time order stops once it has its rows, after reading about as many rentals
     * per row as there are rentals per match (past this many matches in a million, at most 200 per row).
     */
    static final int FEW_RENTALS = 5_000;

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** {@code FROM ... WHERE ...} for the query; joins the renter when {@code withRenter} or when the name filter needs it. */
    RentalFilterSql(RentalQuery query, boolean withRenter) {
        this(query, withRenter, query.renterPrefix() == null);
    }

    /** As above; {@code rentalsFirst}: the rentals in the time range are read first, each one's renter by its key. */
    RentalFilterSql(RentalQuery query, boolean withRenter, boolean rentalsFirst) {
        boolean joinRenter = withRenter || query.renterPrefix() != null;
        sql.append(" FROM rental rt");
        if (joinRenter) {
            sql.append(rentalsFirst ? " STRAIGHT_JOIN" : " JOIN").append(" renter rn ON rn.id = rt.renter_id");
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

    /**
     * Whether the query has a name prefix and selects at most {@link #FEW_RENTALS} rentals (counted from its renters, and
     * stopped past that many), so that a page is best read from its renters; false without a prefix.
     */
    static boolean fewRentals(EntityManager em, RentalQuery query) {
        if (query.renterPrefix() == null) {
            return false;
        }
        Query count = new RentalFilterSql(query, false, false).then(" LIMIT " + (FEW_RENTALS + 1) + ") x")
                .query(em, "SELECT COUNT(*) FROM (SELECT 1");
        return ((Number) count.getSingleResult()).intValue() <= FEW_RENTALS;
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

    /** The SQL so far, placeholders unbound. */
    String text() {
        return sql.toString();
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
