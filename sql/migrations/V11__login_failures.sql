-- Failed logins, shared by every server on this database, so that a guesser spread over several servers
-- waits as long as one who tries a single server. One record per scope ('console': the console and the
-- JSON API, per account and client address; 'featherbase': FeatherBase auth, per client address) and
-- client key (SHA-256 of the account and the client's address, which bounds its length whatever a
-- guesser sends). last_failed_millis is the epoch time of the last failure (the servers' clocks); a
-- record untouched for 15 minutes is deleted (LoginThrottle), a success deletes its record.
CREATE TABLE login_failure (
    scope              VARCHAR(16) NOT NULL,
    client_key         BINARY(32)  NOT NULL,
    failures           INT         NOT NULL,
    last_failed_millis BIGINT      NOT NULL,
    PRIMARY KEY (scope, client_key),
    KEY ix_login_failure_age (last_failed_millis)
) ENGINE = InnoDB;
