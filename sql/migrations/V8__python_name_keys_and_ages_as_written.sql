-- Fidelity with the reference customer server (issue 8, items 9 and 10).
--
-- Name keys are Python's str.lower() of the name, computed by the application (dev.portico.domain.text.PythonCase):
-- MariaDB's LOWER() differs outside ASCII ('İzmir' became 'izmir', the key of 'izmir'; 'ΣΊΣΥΦΟΣ' became 'σίσυφοσ',
-- not 'σίσυφος'). name_key stops being generated; a row inserted by SQL without a key still gets LOWER(name),
-- which is Python's key for every ASCII name. Python's key can be longer than the name ('İ' becomes 'i' + U+0307):
-- 768 characters is the most a unique key may hold (3,072 bytes).
--
-- The age is kept as the client wrote it: the reference stored '045', '007' and '0120' as sent and answered them
-- so. age stays the value (sorting, the exact-age filter, ix_customer_age); age_text is the text shown. A row
-- stored by SQL with a number only has no age_text and shows the number.
ALTER TABLE customer
    MODIFY name_key VARCHAR(768) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL DEFAULT (LOWER(name)),
    ADD COLUMN age_text VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER age,
    ADD CONSTRAINT ck_customer_age_text
        CHECK (age_text IS NULL OR (age IS NOT NULL AND age_text REGEXP '^[0-9]+$' AND CAST(age_text AS UNSIGNED) = age));

-- Renters are searched by a lower-cased name prefix, with the same rule.
ALTER TABLE renter
    MODIFY name_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL DEFAULT (LOWER(name));

-- Keys computed by LOWER() that Python may compute differently: the rows whose name is not ASCII. The application
-- recomputes them at its next start and removes them from this list (dev.portico.infrastructure.schema.NameKeyRefresh).
CREATE TABLE name_key_pending (
    table_name VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    row_id     BIGINT      NOT NULL,
    PRIMARY KEY (table_name, row_id)
) ENGINE = InnoDB;

INSERT INTO name_key_pending (table_name, row_id)
    SELECT 'customer', id FROM customer WHERE LENGTH(name) <> CHAR_LENGTH(name);
INSERT INTO name_key_pending (table_name, row_id)
    SELECT 'renter', id FROM renter WHERE LENGTH(name) <> CHAR_LENGTH(name);
