package dev.portico.infrastructure.persistence.jpa;

import dev.portico.domain.rental.RentalQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The FROM and WHERE of native SQL selecting the rentals of a {@link RentalQuery} ({@code rt} is
 * the rental, {@code rn} its renter), with numbered parameters. Every condition is one that an
 * index serves: the time-in range (ix_rental_time_in, or ix_rental_car_time with a car model; for
 * reports ix_rental_report, which also holds car model and gender), the renter's id (primary key)
 * and the renter's lower-cased name prefix (ix_renter_name_key). The gender is the rental's copy.
 * When {@code rentalsFirst} the rentals are read first and each renter found by its key
 * (STRAIGHT_JOIN): with statistics stale after a bulk load the optimizer was seen to start from
 * the renters instead and read every rental of every renter (1 s instead of 10 ms at 1,000,000 rentals).
 * A page of rentals is read so whenever no name prefix narrows it to few renters ({@link #fewRenters}).
 */
final class RentalFilterSql {

    /**
     * Renters a name prefix may match for a page to be read from them: a page read from the rentals in time order stops
     * once it has its rows, a page read from the renters reads and sorts every rental of every one (a prefix matching
     * 22,600 of 625,000 renters took 1.1-1.4 s a page that way, QA).
     */
    static final int FEW_RENTERS = 2_000;

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
        if (query.renterPrefix() != null) {
            sql.append(" AND ").append(nameCondition(query, this::parameter));
        }
    }

    /**
     * Whether the query's name prefix matches at most {@link #FEW_RENTERS} renters (one index range, stopped past it), so
     * that a page is best read from them; false without a prefix.
     */
    static boolean fewRenters(EntityManager em, RentalQuery query) {
        if (query.renterPrefix() == null) {
            return false;
        }
        List<Object> values = new ArrayList<>();
        String condition = nameCondition(query, value -> {
            values.add(value);
            return "?" + values.size();
        });
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM renter rn WHERE " + condition + " LIMIT " + (FEW_RENTERS + 1) + ") x");
        for (int i = 0; i < values.size(); i++) {
            count.setParameter(i + 1, values.get(i));
        }
        return ((Number) count.getSingleResult()).intValue() <= FEW_RENTERS;
    }

    /** {@code (rn.name_key LIKE ... OR ...)}: the renter's lower-cased name starts with one of the prefix's lower-case forms. */
    private static String nameCondition(RentalQuery query, Function<Object, String> parameter) {
        List<String> keyPrefixes = query.renterKeyPrefixes();
        StringBuilder condition = new StringBuilder("(");
        for (int i = 0; i < keyPrefixes.size(); i++) {
            condition.append(i == 0 ? "" : " OR ").append("rn.name_key LIKE ").append(parameter.apply(likePrefix(keyPrefixes.get(i))))
                    .append(" ESCAPE '!'");
        }
        return condition.append(")").toString();
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
