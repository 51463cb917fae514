package dev.portico.application;

import dev.portico.domain.customer.CustomerPosition;

import java.util.List;
import java.util.Optional;

/** One page of a customer listing, and where the next page continues when more customers follow. */
public record CustomerPage(List<CustomerView> customers, Optional<CustomerPosition> next) {

    public CustomerPage {
        customers = List.copyOf(customers);
    }
}
