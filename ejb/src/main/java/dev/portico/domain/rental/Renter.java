package dev.portico.domain.rental;

import dev.portico.text.PythonCase;
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

    /** The key a renter's name is searched by (column {@code name_key}): Python's {@code name.lower()}, as customer names are keyed. */
    public static String keyOf(String name) {
        return PythonCase.lower(name);
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
