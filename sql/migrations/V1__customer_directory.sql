-- Customer directory: one row per customer.
-- Names are unique case-insensitively: name_key is the lower-cased name, compared byte for byte,
-- so 'John' and 'john' collide while 'Jose' and 'José' do not (as in the reference server).
CREATE TABLE customer (
    id       BIGINT       NOT NULL AUTO_INCREMENT,
    name     VARCHAR(512) NOT NULL,
    name_key VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin AS (LOWER(name)) STORED,
    age      SMALLINT     NULL,
    address  VARCHAR(512) NULL,
    phone    VARCHAR(8)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_customer_name_key UNIQUE (name_key),
    CONSTRAINT ck_customer_age CHECK (age BETWEEN 1 AND 120)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
