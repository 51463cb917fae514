package dev.portico.infrastructure.persistence.jpa;

import dev.portico.domain.customer.CustomerFilter;
import dev.portico.domain.customer.CustomerOrder;
import dev.portico.domain.customer.CustomerPosition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JPQL behind the customers page: each filter and order maps to an indexed condition or order. */
class CustomerJpqlTest {

    @Test
    void noFilterSelectsEveryIdInNameKeyOrder() {
        CustomerJpql jpql = CustomerJpql.of(CustomerFilter.NONE);
        assertEquals("SELECT c.id FROM Customer c ORDER BY c.nameKey ASC", jpql.selectIds(CustomerOrder.NAME_ASCENDING));
        assertEquals("SELECT COUNT(c) FROM Customer c", jpql.count());
        assertEquals(Map.of(), jpql.parameters());
    }

    @Test
    void namePrefixIsLowerCasedAsPythonLowerCasesTheKeyAndMatchedOnTheNameKey() {
        CustomerJpql jpql = CustomerJpql.of(new CustomerFilter("İz", "", null));
        assertEquals("SELECT COUNT(c) FROM Customer c WHERE c.nameKey LIKE :namePattern0 ESCAPE '!'", jpql.count());
        assertEquals(Map.of("namePattern0", "i\u0307z%"), jpql.parameters());
    }

    @Test
    void aNamePrefixEndingInCapitalSigmaMatchesTheFinalAndTheMedialSigma() {
        CustomerJpql jpql = CustomerJpql.of(new CustomerFilter("ΟΔΟΣ", "", null));
        assertEquals("SELECT COUNT(c) FROM Customer c WHERE (c.nameKey LIKE :namePattern0 ESCAPE '!' OR c.nameKey LIKE :namePattern1 ESCAPE '!')",
                jpql.count());
        assertEquals(Map.of("namePattern0", "οδος%", "namePattern1", "οδοσ%"), jpql.parameters());
    }

    @Test
    void filtersCombineWithAnd() {
        CustomerJpql jpql = CustomerJpql.of(new CustomerFilter("a", "514", 40));
        assertEquals("SELECT c.id FROM Customer c WHERE c.nameKey LIKE :namePattern0 ESCAPE '!'"
                + " AND c.phone LIKE :phonePattern ESCAPE '!' AND c.age = :age ORDER BY c.age DESC, c.id DESC",
                jpql.selectIds(CustomerOrder.AGE_DESCENDING));
        assertEquals(Map.of("namePattern0", "a%", "phonePattern", "514%", "age", 40), jpql.parameters());
    }

    @Test
    void ageOrdersBreakTiesByIdSoThatTheAgeIndexServesThem() {
        assertEquals("c.age ASC, c.id ASC", CustomerJpql.orderBy(CustomerOrder.AGE_ASCENDING));
        assertEquals("c.nameKey DESC", CustomerJpql.orderBy(CustomerOrder.NAME_DESCENDING));
    }

    @Test
    void aPageAfterAPositionStartsThereInTheOrdersIndexKeepingTheFilter() {
        CustomerJpql filtered = CustomerJpql.of(new CustomerFilter("", "514", null));
        CustomerJpql byName = filtered.after(CustomerOrder.NAME_ASCENDING, CustomerPosition.afterName("ada"));
        assertEquals("SELECT c.id FROM Customer c WHERE c.phone LIKE :phonePattern ESCAPE '!' AND c.nameKey > :afterNameKey ORDER BY c.nameKey ASC",
                byName.selectIds(CustomerOrder.NAME_ASCENDING));
        assertEquals(Map.of("phonePattern", "514%", "afterNameKey", "ada"), byName.parameters());
        assertEquals("SELECT c.id FROM Customer c WHERE c.nameKey < :afterNameKey ORDER BY c.nameKey DESC",
                CustomerJpql.of(CustomerFilter.NONE).after(CustomerOrder.NAME_DESCENDING, CustomerPosition.afterName("ada"))
                        .selectIds(CustomerOrder.NAME_DESCENDING));
    }

    @Test
    void byAgeCustomersWithoutAnAgeComeFirstAscendingAndLastDescending() {
        CustomerJpql none = CustomerJpql.of(CustomerFilter.NONE);
        CustomerJpql aged = none.after(CustomerOrder.AGE_ASCENDING, CustomerPosition.afterAge(40, 9));
        assertEquals(" WHERE (c.age > :afterAge OR (c.age = :afterAge AND c.id > :afterId))", aged.where());
        assertEquals(Map.of("afterAge", 40, "afterId", 9L), aged.parameters());
        assertEquals(" WHERE ((c.age IS NULL AND c.id > :afterId) OR c.age IS NOT NULL)",
                none.after(CustomerOrder.AGE_ASCENDING, CustomerPosition.afterAge(null, 9)).where());
        assertEquals(" WHERE (c.age < :afterAge OR (c.age = :afterAge AND c.id < :afterId) OR c.age IS NULL)",
                none.after(CustomerOrder.AGE_DESCENDING, CustomerPosition.afterAge(40, 9)).where());
        CustomerJpql last = none.after(CustomerOrder.AGE_DESCENDING, CustomerPosition.afterAge(null, 9));
        assertEquals(" WHERE (c.age IS NULL AND c.id < :afterId)", last.where());
        assertEquals(Map.of("afterId", 9L), last.parameters());
    }

    @Test
    void likeWildcardsInAPrefixAreTakenLiterally() {
        assertEquals("50!%!_off!!", CustomerJpql.escapeLike("50%_off!"));
        assertEquals(Map.of("phonePattern", "5!_1%"), CustomerJpql.of(new CustomerFilter(null, "5_1", null)).parameters());
    }
}
