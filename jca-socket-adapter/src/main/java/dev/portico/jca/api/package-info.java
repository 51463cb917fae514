/**
 * What the adapter offers applications: one typed listener interface per protocol, with the
 * request and reply types it carries. Message-driven beans implement these interfaces.
 */
package dev.portico.jca.api;
