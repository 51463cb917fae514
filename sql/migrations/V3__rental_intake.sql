-- Car-rental intake: a rental references its renter. Times are DATETIME, mileage whole kilometres.
-- Indexes serve the reports: by time range, by car model (and time), by renter.
CREATE TABLE renter (
    id      BIGINT      NOT NULL AUTO_INCREMENT,
    name    VARCHAR(50) NOT NULL,
    gender  CHAR(1)     NOT NULL,
    created DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    CONSTRAINT uk_renter UNIQUE (name, gender),
    CONSTRAINT ck_renter_gender CHECK (gender IN ('M', 'F'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE rental (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    renter_id   BIGINT       NOT NULL,
    car_model   VARCHAR(10)  NOT NULL,
    mileage_km  INT UNSIGNED NOT NULL,
    time_in     DATETIME     NOT NULL,
    time_out    DATETIME     NOT NULL,
    recorded_at DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    CONSTRAINT fk_rental_renter FOREIGN KEY (renter_id) REFERENCES renter (id),
    CONSTRAINT ck_rental_car CHECK (car_model IN ('Corolla', 'Kancil', 'Axia')),
    CONSTRAINT ck_rental_times CHECK (time_out >= time_in),
    INDEX ix_rental_time_in (time_in),
    INDEX ix_rental_car_time (car_model, time_in),
    INDEX ix_rental_renter (renter_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The reference server's three tables, as read-only views with their names and columns.
CREATE VIEW User_Information AS
    SELECT rn.name AS `user`, rt.recorded_at AS created, rn.gender AS gender
    FROM rental rt JOIN renter rn ON rn.id = rt.renter_id;

CREATE VIEW Mileage AS
    SELECT rt.car_model AS CarSelect, rt.mileage_km AS Mileage
    FROM rental rt;

CREATE VIEW Duration_Rent AS
    SELECT rt.time_in AS `Time IN`, rt.time_out AS `Time OUT`
    FROM rental rt;
