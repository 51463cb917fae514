/** Plain JDBC on the {@code jdbc/portico} data source, for what JPA is not suited to: reading the database's own state,
 * and streaming large results through a cursor. */
package dev.portico.infrastructure.persistence.jdbc;
