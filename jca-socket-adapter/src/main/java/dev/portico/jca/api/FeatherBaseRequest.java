package dev.portico.jca.api;

/**
 * A FeatherBase command with the connection's identity.
 *
 * @param user    the user this connection authenticated as, or {@code null} when it has not (the
 *                listener then does not require authentication, or the command is {@code auth})
 * @param command the decoded command
 */
public record FeatherBaseRequest(String user, FeatherBaseCommand command) { }
