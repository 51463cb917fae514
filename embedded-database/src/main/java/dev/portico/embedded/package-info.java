/**
 * The embedded MariaDB of the run command and of the integration tests: unpacks the binaries, starts
 * {@code mariadbd} with its grant tables on a data directory (stopping a server left running there
 * first), keeps the application account's password, and stops it again. Build tooling run by Maven
 * ({@code exec:java}); nothing here is deployed.
 */
package dev.portico.embedded;
