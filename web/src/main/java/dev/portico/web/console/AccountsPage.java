package dev.portico.web.console;

import dev.portico.application.ConsoleAccountService;
import dev.portico.application.ConsoleAccountService.AccountView;
import dev.portico.domain.account.AccountRefusal;
import dev.portico.domain.account.Role;
import dev.portico.web.security.PorticoAuthenticationMechanism;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

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

    @Inject
    private PorticoAuthenticationMechanism authentication;

    /** The accounts as last read; read again after every change. */
    private transient List<AccountView> list;
    private String newName;
    private String newPassword;
    private Role newRole = Role.VIEWER;
    /** The account whose password is being set in the dialog. */
    private String passwordFor;
    private String password;

    public List<AccountView> getAccounts() {
        if (list == null) {
            list = accounts.accounts();
        }
        return list;
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
            changed("Account " + newName + " created as " + newRole.id() + ".");
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
            changed(name + " is now " + role.id() + ".");
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
            String stamp = accounts.changePassword(passwordFor, password);
            authentication.passwordChanged((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(),
                    passwordFor, stamp);
            changed("Password of " + passwordFor + " changed.");
        } catch (AccountRefusal e) {
            if (e.reason() == AccountRefusal.Reason.INVALID) {
                // the password breaks a rule: said next to it, and the dialog stays open for another
                FacesContext context = FacesContext.getCurrentInstance();
                context.addMessage("password-form:password", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), e.getMessage()));
                context.validationFailed();
            } else {
                refused(e);
            }
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
            changed("Account " + name + " deleted.");
        } catch (AccountRefusal e) {
            refused(e);
        }
    }

    /** A change was made: say so, and read the list again when it is next shown. */
    private void changed(String text) {
        list = null;
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, ""));
    }

    /** A refused change (e.g. another admin deleted the account meanwhile) also means the list may be stale. */
    private void refused(AccountRefusal e) {
        list = null;
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
