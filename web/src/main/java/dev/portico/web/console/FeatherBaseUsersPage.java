package dev.portico.web.console;

import dev.portico.application.FeatherBaseUserService;
import dev.portico.application.FeatherBaseUserService.UserView;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * FeatherBase users (for listeners that require {@code auth}) and the databases each may use:
 * create, change password, delete, grant and revoke ({@code *}: every database).
 */
@Named
@ViewScoped
public class FeatherBaseUsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FeatherBaseUserService users;

    @Inject
    private CurrentUser currentUser;

    private List<UserView> list;
    private final NameFilter filter = new NameFilter(":usersForm:users");
    private String newName = "";
    private String newPassword = "";
    /** The user whose password or grants the edit panel changes; null when it is closed. */
    private String editing;
    private String password = "";
    private String grantDatabase = "";

    /** The users the table shows: as many as the Find box lets through. */
    public List<UserView> getShownUsers() {
        return filter.matching(getUsers(), UserView::name);
    }

    public NameFilter getFilter() {
        return filter;
    }

    public List<UserView> getUsers() {
        if (list == null) {
            list = users.users();
        }
        return list;
    }

    public String create() {
        if (!currentUser.mayChange()) {
            return null;
        }
        if (getUsers().stream().anyMatch(u -> u.name().equals(newName))) {
            FeatherBaseMessages.invalidField("createForm:newName", "User " + newName + " exists; change its password below.");
            return null;
        }
        try {
            users.saveUser(newName, newPassword);
            FeatherBaseMessages.done("User " + newName + " created. Grant it databases below.");
            newName = "";
            newPassword = "";
            list = null;
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused("createForm:newName", refusal);
        }
        return null;
    }

    public String delete(String name) {
        if (!currentUser.mayChange()) {
            return null;
        }
        try {
            users.deleteUser(name);
            FeatherBaseMessages.done("User " + name + " deleted with its grants.");
            if (name.equals(editing)) {
                editing = null;
            }
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
        }
        list = null;
        return null;
    }

    /** Opens the edit panel (password, grants) on a user. */
    public void edit(String name) {
        editing = name;
        password = "";
        grantDatabase = "";
    }

    public void close() {
        editing = null;
    }

    public String changePassword() {
        if (!currentUser.mayChange() || editing == null) {
            return null;
        }
        if (password.isEmpty()) {
            FeatherBaseMessages.invalidField("editForm:password", "Enter the new password.");
            return null;
        }
        try {
            if (getUsers().stream().noneMatch(u -> u.name().equals(editing))) {
                throw new FeatherBaseRefusal(FeatherBaseRefusal.Reason.NOT_FOUND, "no user " + editing);
            }
            users.saveUser(editing, password);
            FeatherBaseMessages.done("Password of " + editing + " changed.");
            password = "";
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused("editForm:password", refusal);
        }
        return null;
    }

    public String grant() {
        if (!currentUser.mayChange() || editing == null) {
            return null;
        }
        if (grantDatabase.isEmpty()) {
            FeatherBaseMessages.invalidField("editForm:grantDatabase", "Enter a database name, or * for every database.");
            return null;
        }
        try {
            users.grant(editing, grantDatabase);
            FeatherBaseMessages.done(editing + " may use " + ("*".equals(grantDatabase) ? "every database." : grantDatabase + "."));
            grantDatabase = "";
            list = null;
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused("editForm:grantDatabase", refusal);
        }
        return null;
    }

    public String revoke(String user, String database) {
        if (!currentUser.mayChange()) {
            return null;
        }
        try {
            users.revoke(user, database);
            FeatherBaseMessages.done(user + " may no longer use " + database + ".");
        } catch (FeatherBaseRefusal refusal) {
            FeatherBaseMessages.refused(refusal);
        }
        list = null;
        return null;
    }

    /** A user's grants as a line of text. */
    public String grantsOf(UserView user) {
        return user.databases().isEmpty() ? "nothing yet" : String.join(", ", user.databases());
    }

    /** The grants of the user being edited. */
    public List<String> getEditingGrants() {
        return getUsers().stream().filter(u -> u.name().equals(editing)).findFirst().map(UserView::databases).orElse(List.of());
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

    public String getEditing() {
        return editing;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getGrantDatabase() {
        return grantDatabase;
    }

    public void setGrantDatabase(String grantDatabase) {
        this.grantDatabase = grantDatabase;
    }
}
