/** Stateless EJB implementations of the application services, one transaction per call. */
package dev.portico.application.internal;
