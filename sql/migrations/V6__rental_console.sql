-- Console rentals page: renters are found by a case-insensitive name prefix. name_key is the
-- lower-cased name (compared byte for byte, like customer.name_key), indexed so that
-- `name_key LIKE 'abc%'` is a range scan. The rental list's other filters and its order are served
-- by V3's indexes: (time_in) and (car_model, time_in), each ending in the primary key.
ALTER TABLE renter
    ADD COLUMN name_key VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin AS (LOWER(name)) STORED,
    ADD INDEX ix_renter_name_key (name_key);
