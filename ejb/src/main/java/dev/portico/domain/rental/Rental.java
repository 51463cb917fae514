package dev.portico.domain.rental;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** One rental: who took which car out when, and brought it back when, having driven how far. */
@Entity
@Table(name = "rental")
@NamedQuery(name = "Rental.countByCarModel", query = "SELECT r.carModel, COUNT(r) FROM Rental r GROUP BY r.carModel ORDER BY r.carModel")
@NamedQuery(name = "Rental.countByGender", query = "SELECT r.gender, COUNT(r) FROM Rental r GROUP BY r.gender ORDER BY r.gender")
@NamedQuery(name = "Rental.mileage", query = "SELECT COUNT(r), COALESCE(SUM(r.mileageKm), 0), AVG(r.mileageKm) FROM Rental r")
public class Rental {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "renter_id")
    private Renter renter;

    @Column(name = "car_model")
    private String carModel;

    /** The renter's gender, kept with the rental so that reports by gender need no join (V6). */
    @Column(columnDefinition = "CHAR(1)")
    private String gender;

    @Column(name = "mileage_km")
    private int mileageKm;

    @Column(name = "time_in")
    private LocalDateTime timeIn;

    @Column(name = "time_out")
    private LocalDateTime timeOut;

    protected Rental() {
    }

    public Rental(Renter renter, RentalDraft draft) {
        this.renter = renter;
        this.gender = String.valueOf(draft.gender());
        this.carModel = draft.car().label();
        this.mileageKm = draft.mileageKm();
        this.timeIn = draft.timeIn();
        this.timeOut = draft.timeOut();
    }
}
