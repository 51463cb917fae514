/**
 * Portico's own MicroProfile Metrics (the {@code application} scope of Liberty's {@code /metrics}):
 * each socket listener's counts by protocol, and the size of each data set. Liberty adds the JVM's
 * and the connection pool's figures itself ({@code base} and {@code vendor} scopes).
 */
package dev.portico.web.metrics;
