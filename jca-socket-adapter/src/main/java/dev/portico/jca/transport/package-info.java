/**
 * Sockets: one non-blocking listener per endpoint activation. {@link dev.portico.jca.transport.SocketListener}
 * runs the selector loop; {@link dev.portico.jca.transport.ClientAccepting} accepts,
 * {@link dev.portico.jca.transport.ConnectionReading} reads, frames and times out,
 * {@link dev.portico.jca.transport.RequestDispatch} hands requests to worker threads and takes their replies back,
 * {@link dev.portico.jca.transport.ConnectionWriting} writes and closes; a connection's bytes are read and written
 * in {@link dev.portico.jca.transport.Connection}. It wires framing (a codec) to a request handler and knows
 * nothing of JCA or of the protocols' meaning; threads come from the {@link java.util.concurrent.Executor} it is
 * given (the WorkManager in the container).
 */
package dev.portico.jca.transport;
