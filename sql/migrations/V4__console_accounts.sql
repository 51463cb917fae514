-- Console and API accounts: who may sign in to the admin console and the JSON API, and with which role
-- ('admin' changes anything, 'viewer' reads everything). Names compare exactly (NO PAD binary collation:
-- 'alice ' is not 'alice'). Passwords are salted PBKDF2 hashes; the first admin is created at the first
-- start (see README: portico.admin.password).
CREATE TABLE console_account (
    name          VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created       DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (name),
    CONSTRAINT ck_console_account_role CHECK (role IN ('admin', 'viewer'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
