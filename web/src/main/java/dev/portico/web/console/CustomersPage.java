package dev.portico.web.console;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.CustomerView;
import dev.portico.domain.customer.CustomerNotFoundException;
import dev.portico.domain.customer.InvalidCustomerException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** The customers screen: the lazy table and deleting from it (the editor is {@link CustomerEditor}). */
@Named
@ViewScoped
public class CustomersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CustomerDirectoryService directory;

    @Inject
    private CurrentUser currentUser;

    private CustomerTable customers;

    @PostConstruct
    void createTable() {
        customers = new CustomerTable(directory);
    }

    public CustomerTable getCustomers() {
        return customers;
    }

    /** What the table says when it shows no customer. */
    public String getEmptyMessage() {
        return customers.emptyMessage();
    }

    /** Command 3: deletes the customer and answers as the socket does. */
    public void delete(String name) {
        if (!currentUser.mayChange()) {
            return;
        }
        try {
            directory.delete(name);
            message(FacesMessage.SEVERITY_INFO, CustomerReplies.deleted(name));
        } catch (CustomerNotFoundException e) {
            message(FacesMessage.SEVERITY_WARN, CustomerReplies.notFoundToDelete(name));
        } catch (InvalidCustomerException e) {
            message(FacesMessage.SEVERITY_WARN, CustomerReplies.NAME_EMPTY);
        }
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, ""));
    }
}
