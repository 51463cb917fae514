package dev.portico.application;

/**
 * Whether Portico's storage is ready to serve, for health checks: cheap to ask (a load balancer asks
 * every few seconds) and answered without detail. The socket listeners are in {@link SystemStatus#listeners()}.
 */
public interface StorageReadiness {

    /** Whether the database answers a validation round trip now, within a couple of seconds. */
    boolean databaseAnswers();

    /** Whether the schema migrations ran to completion at this start. */
    boolean schemaMigrated();
}
