package dev.portico.application;

import java.time.Duration;
import java.time.Instant;

/**
 * The database as operators see it: whether it answers, its versions and how much each data set
 * holds. When it is unreachable only {@code problem} and {@code checkedAt} are set, and counts are 0.
 *
 * @param serverVersion  what {@code SELECT VERSION()} says
 * @param schemaVersion  the latest successful Flyway migration
 * @param featherBaseRows rows of every FeatherBase table (the tables' row counters, exact since rows are never removed)
 * @param checkedAt      when these figures were read
 * @param took           how long reading them took
 */
public record DatabaseStatus(boolean reachable, String problem, String serverVersion, String schemaVersion,
                             long customers, long featherBaseDatabases, long featherBaseTables, long featherBaseRows,
                             long renters, long rentals, Instant checkedAt, Duration took) {

    public static DatabaseStatus unreachable(String problem, Instant checkedAt, Duration took) {
        return new DatabaseStatus(false, problem, null, null, 0, 0, 0, 0, 0, 0, checkedAt, took);
    }
}
