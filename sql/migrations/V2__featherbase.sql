-- FeatherBase: named databases of named tables; a table has ordered columns and rows numbered from 0.
-- Names are case-sensitive (binary collation). A row's values live in one record keyed by
-- (table, row number), encoded by column id: getrow/getcell/addrow touch one primary-key entry
-- whatever the table's size, addcol/delcol/renames change only metadata, and no table is rewritten.
CREATE TABLE fb_database (
    id   BIGINT       NOT NULL AUTO_INCREMENT,
    name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_fb_database_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE fb_table (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    database_id BIGINT       NOT NULL,
    name        VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    -- The next row number; addrow takes it under this row's lock, so numbers are distinct and consecutive.
    row_count   BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_fb_table_name UNIQUE (database_id, name),
    CONSTRAINT fk_fb_table_database FOREIGN KEY (database_id) REFERENCES fb_database (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE fb_column (
    id       BIGINT       NOT NULL AUTO_INCREMENT,
    table_id BIGINT       NOT NULL,
    name     VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    position INT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_fb_column_name UNIQUE (table_id, name),
    CONSTRAINT fk_fb_column_table FOREIGN KEY (table_id) REFERENCES fb_table (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE fb_row (
    table_id BIGINT   NOT NULL,
    row_no   BIGINT   NOT NULL,
    -- column id -> value, as "<id>:<length>:<value>" entries; columns without an entry read as "".
    cells    LONGTEXT NOT NULL,
    PRIMARY KEY (table_id, row_no),
    CONSTRAINT fk_fb_row_table FOREIGN KEY (table_id) REFERENCES fb_table (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Users of listeners that require authentication, and the databases each may use ('*': all).
CREATE TABLE fb_user (
    name          VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE fb_grant (
    user_name     VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    database_name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (user_name, database_name),
    CONSTRAINT fk_fb_grant_user FOREIGN KEY (user_name) REFERENCES fb_user (name) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
