/**
 * What the adapter offers applications: one typed listener interface per protocol, with the
 * request and reply types it carries (message-driven beans implement these interfaces), a
 * {@link dev.portico.jca.api.ReplyStream} through which a large reply is sent while it is produced, and a
 * read-only view of the running listeners' statistics ({@link dev.portico.jca.api.ListenerRegistry}).
 */
package dev.portico.jca.api;
