package dev.portico.domain.rental;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who rents cars, identified by name and gender. */
@Entity
@Table(name = "renter")
public class Renter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Column(columnDefinition = "CHAR(1)")
    private String gender;

    protected Renter() {
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String gender() {
        return gender;
    }
}
