package dev.portico.web.console;

import dev.portico.application.CustomerChangedException;
import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.CustomerView;
import dev.portico.domain.customer.CustomerNotFoundException;
import dev.portico.domain.customer.DuplicateCustomerException;
import dev.portico.domain.customer.InvalidCustomerException;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * The customers screen's add/edit form. Saving does what socket commands 2 (add) or 4, 5 and 6
 * (age, address, phone) do, and shows the listener's answer next to the field concerned.
 */
@Named
@ViewScoped
public class CustomerEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "editor:";

    @EJB
    private CustomerDirectoryService directory;

    @Inject
    private CurrentUser currentUser;

    private boolean open;
    /** The customer being edited; {@code null} while adding one. */
    private CustomerView original;
    private String name = "";
    private String age = "";
    private String address = "";
    private String phone = "";

    public void startAdd() {
        fill(null, new CustomerView("", "", "", ""));
    }

    public void startEdit(CustomerView customer) {
        fill(customer, customer);
    }

    public void cancel() {
        open = false;
        original = null;
    }

    public void save() {
        if (!currentUser.mayChange()) {
            return;
        }
        String newName = CustomerFields.strip(name);
        String newAge = CustomerFields.strip(age);
        String newAddress = CustomerFields.strip(address);
        String newPhone = CustomerFields.strip(phone);
        if (original == null) {
            add(newName, newAge, newAddress, newPhone);
        } else {
            update(original.name(), newAge, newAddress, newPhone);
        }
    }

    private void add(String newName, String newAge, String newAddress, String newPhone) {
        if (!fitsTheProtocol(CustomerReplies.ADD_FIELD_COUNT, "name", newName, "age", newAge, "address", newAddress, "phone", newPhone)) {
            return;
        }
        if (!CustomerFields.fitsOneLine("2", newName, newAge, newAddress, newPhone)) {
            fieldMessage(longest("name", newName, "age", newAge, "address", newAddress, "phone", newPhone), CustomerReplies.TOO_LONG);
            return;
        }
        try {
            directory.add(newName, newAge, newAddress, newPhone);
            pageMessage(CustomerReplies.added(String.join("|", "2", newName, newAge, newAddress, newPhone)));
            cancel();
        } catch (DuplicateCustomerException e) {
            fieldMessage("name", CustomerReplies.alreadyStored(newName));
        } catch (InvalidCustomerException e) {
            fieldMessage(field(e, newName), CustomerReplies.addRefused(e, newName, newAge, newAddress, newPhone));
        }
    }

    private void update(String key, String newAge, String newAddress, String newPhone) {
        if (!fitsTheProtocol(CustomerReplies.FIELD_COUNT, "age", newAge, "address", newAddress, "phone", newPhone)) {
            return;
        }
        String tooLong = !CustomerFields.fitsOneLine("4", key, newAge) ? "age" : !CustomerFields.fitsOneLine("5", key, newAddress) ? "address"
                : !CustomerFields.fitsOneLine("6", key, newPhone) ? "phone" : null;
        if (tooLong != null) {
            fieldMessage(tooLong, CustomerReplies.TOO_LONG);
            return;
        }
        try {
            CustomerView before = original;
            CustomerView after = directory.update(key, before, newAge, newAddress, newPhone);
            if (!after.age().equals(before.age())) {
                pageMessage(CustomerReplies.ageUpdated(key));
            }
            if (!after.address().equals(before.address())) {
                pageMessage(CustomerReplies.addressUpdated(key));
            }
            if (!after.phone().equals(before.phone())) {
                pageMessage(CustomerReplies.phoneUpdated(key));
            }
            if (after.equals(before)) {
                pageMessage(key + " unchanged: the fields were as stored.");
            }
            cancel();
        } catch (CustomerChangedException e) {
            // Saving would overwrite what someone else stored since this form opened: nothing saved; say what is stored
            // now and keep the form's values, which a second Save stores over it.
            original = e.current();
            fieldMessage("name", CustomerReplies.changedMeanwhile(e.current()));
        } catch (CustomerNotFoundException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, CustomerReplies.notFound(key), ""));
        } catch (InvalidCustomerException e) {
            String field = field(e, key);
            fieldMessage(field, switch (field) {
                case "age" -> CustomerReplies.ageRefused(e, key, newAge);
                case "address" -> CustomerReplies.addressRefused(e, key, newAddress);
                default -> CustomerReplies.phoneRefused(e);
            });
        }
    }

    /** Refuses, next to the first such field, a value holding {@code |} or a line break, as the socket's field count check would. */
    private boolean fitsTheProtocol(String answer, String... idsAndValues) {
        for (int i = 0; i < idsAndValues.length; i += 2) {
            if (!CustomerFields.fitsTheProtocol(idsAndValues[i + 1])) {
                fieldMessage(idsAndValues[i], answer);
                return false;
            }
        }
        return true;
    }

    /** The form field a refusal is about; {@code name} is the name sent, to tell a line break in it from one in the address. */
    private static String field(InvalidCustomerException e, String name) {
        return switch (e.problem()) {
            case EMPTY_NAME, DUPLICATE_NAME, WRONG_FIELD_COUNT -> "name";
            case AGE_NOT_A_NUMBER, AGE_OUT_OF_RANGE -> "age";
            case INVALID_PHONE -> "phone";
            case LINE_BREAK, FIELD_SEPARATOR, TOO_LONG -> e.value().equals(name) ? "name" : "address";
        };
    }

    private void fill(CustomerView editing, CustomerView values) {
        open = true;
        original = editing;
        name = values.name();
        age = values.age();
        address = values.address();
        phone = values.phone();
    }

    /** Of fields and values in pairs, the field whose value is longest in UTF-8: the one to shorten when the line is too long. */
    private static String longest(String... fieldsAndValues) {
        String field = fieldsAndValues[0];
        int most = -1;
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            int bytes = fieldsAndValues[i + 1] == null ? 0 : fieldsAndValues[i + 1].getBytes(StandardCharsets.UTF_8).length;
            if (bytes > most) {
                most = bytes;
                field = fieldsAndValues[i];
            }
        }
        return field;
    }

    private static void fieldMessage(String field, String text) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(FORM + field, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        context.validationFailed();
    }

    private static void pageMessage(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, ""));
    }

    public boolean isOpen() {
        return open;
    }

    public boolean isAdding() {
        return original == null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAge() {
        return age;
    }

    public void setAge(String age) {
        this.age = age;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
