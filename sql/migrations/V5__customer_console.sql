-- Customer console: an index behind every sort and filter the customers page offers besides the name
-- (name_key already has its unique index). InnoDB appends the primary key to each, so
-- ORDER BY age, id and ORDER BY phone, id are read in index order, and a page of ids is index-only.
CREATE INDEX ix_customer_age ON customer (age);
CREATE INDEX ix_customer_phone ON customer (phone);
