-- The FeatherBase catalog's version: every committed change to a database, table (name or place, not its
-- row count), column, user or grant raises it in the same transaction. A server may keep what a getrow or
-- getcell needs of the catalog (table id, column ids, the grant) between requests only as read at one
-- version, and uses it only when the row's own query reads the same version: so a change made through
-- another server sharing this database holds at the next command. Triggers rather than application code,
-- so that no path (JPA, JDBC, a tool) can change the catalog without raising it. Deletes that cascade
-- (a database's tables and columns, a user's grants) fire no triggers of their own; the delete they
-- cascade from does.
CREATE TABLE fb_catalog (
    id      TINYINT NOT NULL,
    version BIGINT  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

INSERT INTO fb_catalog (id, version) VALUES (1, 0);

CREATE TRIGGER fb_database_added AFTER INSERT ON fb_database FOR EACH ROW
    UPDATE fb_catalog SET version = version + 1 WHERE id = 1;
CREATE TRIGGER fb_database_changed AFTER UPDATE ON fb_database FOR EACH ROW
    UPDATE fb_catalog SET version = version + 1 WHERE id = 1;
CREATE TRIGGER fb_database_deleted AFTER DELETE ON fb_database FOR EACH ROW
    UPDATE fb_catalog SET version = version + 1 WHERE id = 1;

CREATE TRIGGER fb_table_added AFTER INSERT ON fb_table FOR EACH ROW
    UPDATE fb_catalog SET version = version + 1 WHERE id = 1;
CREATE TRIGGER fb_table_deleted AFTER DELETE ON fb_table FOR EACH ROW
    UPDATE fb_catalog SET version = version + 1 WHERE id = 1;

-- addrow updates row_count on every write: only a rename or move raises the version (and locks fb_catalog).
DELIMITER //
CREATE TRIGGER fb_table_changed AFTER UPDATE ON fb_table FOR EACH ROW
BEGIN
    IF NOT (NEW.name <=> OLD.name AND NEW.database_id <=> OLD.database_id AND NEW.id <=> OLD.id) THEN
        UPDATE fb_catalog SET version = version + 1 WHERE id = 1;
    END IF;
END//
DELIMITER ;

CREATE TRIGGER fb_column_added AFTER INSERT ON fb_column FOR EACH ROW
    UPDATE fb_catalog SET version = version + 1 WHERE id = 1;
CREATE TRIGGER fb_column_changed AFTER UPDATE ON fb_column FOR EACH ROW
    UPDATE fb_catalog SET version = version + 1 WHERE id = 1;
CREATE TRIGGER fb_column_deleted AFTER DELETE ON fb_column FOR EACH ROW
    UPDATE fb_catalog SET version = version + 1 WHERE id = 1;

CREATE TRIGGER fb_user_changed AFTER UPDATE ON fb_user FOR EACH ROW
    UPDATE fb_catalog SET version = version + 1 WHERE id = 1;
CREATE TRIGGER fb_user_deleted AFTER DELETE ON fb_user FOR EACH ROW
    UPDATE fb_catalog SET version = version + 1 WHERE id = 1;

CREATE TRIGGER fb_grant_added AFTER INSERT ON fb_grant FOR EACH ROW
    UPDATE fb_catalog SET version = version + 1 WHERE id = 1;
CREATE TRIGGER fb_grant_changed AFTER UPDATE ON fb_grant FOR EACH ROW
    UPDATE fb_catalog SET version = version + 1 WHERE id = 1;
CREATE TRIGGER fb_grant_deleted AFTER DELETE ON fb_grant FOR EACH ROW
    UPDATE fb_catalog SET version = version + 1 WHERE id = 1;
