/**
 * Sockets: one non-blocking listener per endpoint activation, its selector loop, connection
 * state, limits and timeouts. It wires framing (a codec) to a request handler and knows nothing
 * of JCA or of the protocols' meaning; threads come from the {@link java.util.concurrent.Executor}
 * it is given (the WorkManager in the container).
 */
package dev.portico.jca.transport;
