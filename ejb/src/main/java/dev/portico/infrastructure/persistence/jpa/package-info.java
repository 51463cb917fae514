/** JPA (EclipseLink) implementations of the domain repositories, on the {@code portico} persistence unit. */
package dev.portico.infrastructure.persistence.jpa;
