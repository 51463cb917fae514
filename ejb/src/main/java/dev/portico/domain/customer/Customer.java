package dev.portico.domain.customer;

import dev.portico.text.PythonCase;
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
@NamedQuery(name = "Customer.findByNameKey", query = "SELECT c FROM Customer c WHERE c.nameKey = :nameKey")
@NamedQuery(name = "Customer.findAfter", query = "SELECT c FROM Customer c WHERE c.nameKey > :nameKey ORDER BY c.nameKey")
@NamedQuery(name = "Customer.findByIds", query = "SELECT c FROM Customer c WHERE c.id IN :ids")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 512)
    private String name;

    /** The name as Python's {@code str.lower()} lower-cases it (see {@link #keyOf}); its unique index makes names unique regardless of case. */
    @Column(name = "name_key", nullable = false, updatable = false, length = 768)
    private String nameKey;

    /** The age in years, for sorting and filtering; {@code null} when none is given. */
    private Integer age;

    /** The age as the client wrote it ({@code 045}), shown everywhere; {@code null} for rows stored by SQL with a number only. */
    @Column(name = "age_text", length = CustomerRules.MAX_AGE_TEXT)
    private String ageText;

    @Column(length = 512)
    private String address;

    @Column(length = 8)
    private String phone;

    protected Customer() {
    }

    /** A new customer from validated values (see {@link CustomerRules}); {@code null} for absent optional ones. */
    public Customer(String name, String age, String address, String phone) {
        this.name = name;
        this.nameKey = keyOf(name);
        changeAge(age);
        this.address = address;
        this.phone = phone;
    }

    /** The key a name is stored and found under: Python's {@code name.lower()}, as the reference server keyed its records. */
    public static String keyOf(String name) {
        return PythonCase.lower(name);
    }

    /** A validated age (ASCII digits, 1..120 in value) kept as written, or {@code null} to clear it. */
    public void changeAge(String age) {
        this.ageText = age;
        this.age = age == null ? null : Integer.valueOf(age.replaceFirst("^0+(?=.)", ""));
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

    /** The name's key, Python's {@code name.lower()} (the key of the unique index). */
    public String nameKey() {
        return nameKey;
    }

    /** The age as written ({@code 045} stays {@code 045}), or {@code null}. */
    public String age() {
        return ageText != null || age == null ? ageText : age.toString();
    }

    /** The age's value in years (what sorting and the exact-age filter use), or {@code null}. */
    public Integer ageInYears() {
        return age;
    }

    public String address() {
        return address;
    }

    public String phone() {
        return phone;
    }
}
