/** Plain JDBC on the {@code jdbc/portico} data source, for what JPA is not suited to: reading the database's own state. */
package dev.portico.infrastructure.persistence.jdbc;
