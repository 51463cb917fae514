/**
 * Plain JDBC on the {@code jdbc/portico} data source, for what JPA is not suited to: reading the
 * database's own state, streaming large results through a cursor, and telling whether the database
 * can be used at all (fail fast while it is unreachable), and the busiest socket commands in one
 * statement each (FeatherBase rows, rental intake, customer find and add).
 */
package dev.portico.infrastructure.persistence.jdbc;
