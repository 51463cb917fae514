/**
 * Plain JDBC on the {@code jdbc/portico} data source, for what JPA is not suited to: reading the
 * database's own state, streaming large results through a cursor, and telling whether the database
 * can be used at all (fail fast while it is unreachable).
 */
package dev.portico.infrastructure.persistence.jdbc;
