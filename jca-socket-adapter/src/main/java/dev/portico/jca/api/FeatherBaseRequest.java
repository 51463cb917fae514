package dev.portico.jca.api;

/**
 * A FeatherBase command with the connection's identity.
 *
 * @param user          the user this connection authenticated as, or {@code null} when it has not (the
 *                      listener then does not require authentication, or the command is {@code auth})
 * @param command       the decoded command
 * @param clientAddress the client's IP address, or {@code null} when unknown (for throttling failed logins)
 */
public record FeatherBaseRequest(String user, FeatherBaseCommand command, String clientAddress) {

    /** A request from an unknown address. */
    public FeatherBaseRequest(String user, FeatherBaseCommand command) {
        this(user, command, null);
    }
}
