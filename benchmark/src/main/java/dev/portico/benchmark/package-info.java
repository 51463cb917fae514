/**
 * Load generators for a running Portico server: closed-loop clients over real sockets, reporting
 * requests per second and latency percentiles. Plain Java, no dependencies: run with
 * {@code java -cp benchmark/target/portico-benchmark.jar dev.portico.benchmark.<Tool>}.
 */
package dev.portico.benchmark;
