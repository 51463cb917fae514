/** Inbound channels of the EJB module; each is a thin adapter onto the application services. */
package dev.portico.interfaces;
