package dev.portico.web.console;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.CustomerView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** The customer report screen: every customer, as command 7 lists them. */
@Named
@RequestScoped
public class CustomerReportPage {

    @EJB
    private CustomerDirectoryService directory;

    private List<CustomerView> customers;

    public List<CustomerView> getCustomers() {
        if (customers == null) {
            customers = directory.list();
        }
        return customers;
    }
}
