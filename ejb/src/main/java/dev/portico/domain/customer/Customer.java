package dev.portico.domain.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A customer of the directory, keyed by its name (unique regardless of case). */
@Entity
@Table(name = "customer")
@NamedQuery(name = "Customer.findByName", query = "SELECT c FROM Customer c WHERE c.nameKey = LOWER(:name)")
@NamedQuery(name = "Customer.findAfter", query = "SELECT c FROM Customer c WHERE c.nameKey > :nameKey ORDER BY c.nameKey")
@NamedQuery(name = "Customer.findByIds", query = "SELECT c FROM Customer c WHERE c.id IN :ids")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 512)
    private String name;

    /** The lower-cased name, computed by the database; its unique index makes names unique regardless of case. */
    @Column(name = "name_key", insertable = false, updatable = false)
    private String nameKey;

    private Integer age;

    @Column(length = 512)
    private String address;

    @Column(length = 8)
    private String phone;

    protected Customer() {
    }

    /** A new customer from validated values; {@code null} for absent optional ones. */
    public Customer(String name, Integer age, String address, String phone) {
        this.name = name;
        this.age = age;
        this.address = address;
        this.phone = phone;
    }

    public void changeAge(Integer age) {
        this.age = age;
    }

    public void changeAddress(String address) {
        this.address = address;
    }

    public void changePhone(String phone) {
        this.phone = phone;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The lower-cased name as the database computed it (the key of the unique index); {@code null} before it is stored. */
    public String nameKey() {
        return nameKey;
    }

    public Integer age() {
        return age;
    }

    public String address() {
        return address;
    }

    public String phone() {
        return phone;
    }
}
