-- The reference system's three tables had a row id (its own reports select it, e.g.
-- SELECT id, user FROM User_Information WHERE gender = 'F'), and its later design linked the three by it:
-- entry i of an intake is one user, one car and one duration. Each view's id is the rental's id, so the row
-- with a given id in User_Information, Mileage and Duration_Rent describes the same rental.
CREATE OR REPLACE VIEW User_Information AS
    SELECT rt.id AS id, rn.name AS `user`, rt.recorded_at AS created, rt.gender AS gender
    FROM rental rt JOIN renter rn ON rn.id = rt.renter_id;

CREATE OR REPLACE VIEW Mileage AS
    SELECT rt.id AS id, rt.car_model AS CarSelect, rt.mileage_km AS Mileage
    FROM rental rt;

CREATE OR REPLACE VIEW Duration_Rent AS
    SELECT rt.id AS id, rt.time_in AS `Time IN`, rt.time_out AS `Time OUT`
    FROM rental rt;
