-- Names compare exactly: 'alice ' is not 'alice'. MariaDB's PAD SPACE collations (utf8mb4_bin among
-- them) ignore trailing spaces in comparisons and unique keys, while the protocols and Java do not;
-- every name and name key moves to utf8mb4_nopad_bin, as console_account.name already is (V4).
-- NO PAD is a finer equality than PAD SPACE, so the existing unique keys still hold on existing data.

-- FeatherBase: databases, tables, columns and users are taken verbatim, spaces included.
-- fb_grant.user_name references fb_user.name, and a foreign key needs both sides in one collation:
-- the key is dropped, both columns change, and the key comes back.
ALTER TABLE fb_grant DROP FOREIGN KEY fk_fb_grant_user;

ALTER TABLE fb_user
    MODIFY name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;

ALTER TABLE fb_grant
    MODIFY user_name     VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    MODIFY database_name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    ADD CONSTRAINT fk_fb_grant_user FOREIGN KEY (user_name) REFERENCES fb_user (name) ON DELETE CASCADE;

ALTER TABLE fb_database
    MODIFY name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;

ALTER TABLE fb_table
    MODIFY name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;

ALTER TABLE fb_column
    MODIFY name VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;

-- Customer directory: names arrive stripped (Python's str.strip), so a stored name has no edge
-- spaces; the key still compares exactly, so that 'bob ' never finds 'Bob'.
ALTER TABLE customer
    MODIFY name_key VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin AS (LOWER(name)) STORED;

-- Renters: names arrive trimmed; a renter is its exact name and gender.
ALTER TABLE renter
    MODIFY name     VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    MODIFY name_key VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin AS (LOWER(name)) STORED;
