package dev.portico.application;

import dev.portico.domain.customer.Customer;

/** A customer as channels show it: absent optional fields are empty strings. */
public record CustomerView(String name, String age, String address, String phone) {

    public static CustomerView of(Customer customer) {
        return new CustomerView(customer.name(), customer.age() == null ? "" : customer.age(),
                customer.address() == null ? "" : customer.address(), customer.phone() == null ? "" : customer.phone());
    }
}
