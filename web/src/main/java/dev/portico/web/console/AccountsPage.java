package dev.portico.web.console;

import dev.portico.application.ConsoleAccountService;
import dev.portico.application.ConsoleAccountService.AccountView;
import dev.portico.domain.account.AccountRefusal;
import dev.portico.domain.account.Role;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The console users screen (admin only): accounts, their roles and passwords. */
@Named
@ViewScoped
public class AccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient ConsoleAccountService accounts;

    @Inject
    private CurrentUser currentUser;

    private String newName;
    private String newPassword;
    private Role newRole = Role.VIEWER;
    /** The account whose password is being set in the dialog. */
    private String passwordFor;
    private String password;

    public List<AccountView> getAccounts() {
        return accounts.accounts();
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public void create() {
        if (!currentUser.mayChange()) {
            return;
        }
        try {
            accounts.create(newName, newPassword, newRole);
            info("Account " + newName + " created as " + newRole.id() + ".");
            newName = null;
            newPassword = null;
            newRole = Role.VIEWER;
        } catch (AccountRefusal e) {
            refused(e);
        }
    }

    public void changeRole(String name, Role role) {
        if (!currentUser.mayChange()) {
            return;
        }
        try {
            accounts.changeRole(name, role);
            info(name + " is now " + role.id() + ".");
        } catch (AccountRefusal e) {
            refused(e);
        }
    }

    public void startPasswordChange(String name) {
        passwordFor = name;
        password = null;
    }

    public void changePassword() {
        if (!currentUser.mayChange()) {
            return;
        }
        try {
            accounts.changePassword(passwordFor, password);
            info("Password of " + passwordFor + " changed.");
        } catch (AccountRefusal e) {
            refused(e);
        } finally {
            password = null;
        }
    }

    public void delete(String name) {
        if (!currentUser.mayChange()) {
            return;
        }
        if (name.equals(currentUser.getName())) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not deleted", "You cannot delete the account you are signed in with."));
            return;
        }
        try {
            accounts.delete(name);
            info("Account " + name + " deleted.");
        } catch (AccountRefusal e) {
            refused(e);
        }
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, ""));
    }

    private static void refused(AccountRefusal e) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), ""));
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public Role getNewRole() {
        return newRole;
    }

    public void setNewRole(Role newRole) {
        this.newRole = newRole;
    }

    public String getPasswordFor() {
        return passwordFor;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
