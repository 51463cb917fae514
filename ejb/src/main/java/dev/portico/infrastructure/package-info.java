/** Technical implementations of domain contracts: JPA persistence and schema migration. */
package dev.portico.infrastructure;
