package dev.portico.infrastructure.persistence.jdbc;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How long the database figures are reused: long enough that reading them never takes more than a tenth of the time. */
class JdbcDatabaseInspectionTest {

    @Test
    void cheapFiguresAreReusedForTwoSecondsAndExpensiveOnesForTenTimesTheirCost() {
        assertEquals(Duration.ofSeconds(2).toNanos(), JdbcDatabaseInspection.reuseNanos(Duration.ofMillis(12)));
        assertEquals(Duration.ofSeconds(2).toNanos(), JdbcDatabaseInspection.reuseNanos(Duration.ofMillis(200)));
        assertEquals(Duration.ofSeconds(8).toNanos(), JdbcDatabaseInspection.reuseNanos(Duration.ofMillis(800)));
    }
}
