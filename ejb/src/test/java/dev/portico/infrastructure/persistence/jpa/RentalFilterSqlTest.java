package dev.portico.infrastructure.persistence.jpa;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RentalFilterSqlTest {

    @Test
    void aNamePrefixMatchesItsLikeCharactersLiterally() {
        assertEquals("ann%", RentalFilterSql.likePrefix("ann"));
        assertEquals("a!_b!%c!!%", RentalFilterSql.likePrefix("a_b%c!"));
    }
}
