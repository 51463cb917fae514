package dev.portico.web.console;

import dev.portico.application.FeatherBaseQueries;
import dev.portico.application.FeatherBaseUserService;
import dev.portico.application.FeatherBaseUserService.UserView;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FeatherBase users (for listeners that require {@code auth}) and the databases each may use:
 * create, change password, delete, grant and revoke ({@code *}: every database).
 */
@Named
@ViewScoped
public class FeatherBaseUsersPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Grants a row of the list names before "and N more". */
    static final int GRANTS_SHOWN = 10;

    @EJB
    private FeatherBaseUserService users;

    @EJB
    private FeatherBaseQueries queries;

    @Inject
    private CurrentUser currentUser;

    /** Every user's name (at most portico.featherbase.maxUsers), read again after a change; grants are read per page. */
    private List<String> names;
    private final LazyDataModel<UserView> shownUsers = new UserPages();
    private final NameFilter filter = new NameFilter(":usersForm:users");
    private String newName = "";
    private String newPassword = "";
    /** The user whose password or grants the edit panel changes; null when it is closed. */
    private String editing;
    private String password = "";
    private String grantDatabase = "";
    /** The databases the user being edited may use, as last read; null: read them when asked. */
    private List<String> editingGrants;

    /** The users the table shows, a page at a time: those the Find box lets through. */
    public LazyDataModel<UserView> getShownUsers() {
        return shownUsers;
    }

    public NameFilter getFilter() {
        return filter;
    }

    private List<String> names() {
        if (names == null) {
            names = users.userNames();
        }
        return names;
    }

    public String create() {
        if (!currentUser.mayChange()) {
            return null;
        }
        if (users.user(newName).isPresent()) {
            FeatherBaseMessages.invalidField("createForm:newName", "User " + newName + " exists; change its password below.");
            return null;
        }
        try {
            users.saveUser(newName, newPassword);
            FeatherBaseMessages.done("User " + newName + " created. Grant it databases below.");
            newName = "";
            newPassword = "";
            names = null;
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
        names = null;
        return null;
    }

    /** Opens the edit panel (password, grants) on a user. */
    public void edit(String name) {
        editing = name;
        editingGrants = null;
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
            if (users.user(editing).isEmpty()) {
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
        String what = "*".equals(grantDatabase) ? "every database." : grantDatabase + ".";
        if (getEditingGrants().contains(grantDatabase)) {
            FeatherBaseMessages.done(editing + " may already use " + what);
            grantDatabase = "";
            return null;
        }
        try {
            users.grant(editing, grantDatabase);
            // A grant may come before its database (the user may then create it): said, since it may be a typo.
            FeatherBaseMessages.done(editing + " may use " + what + ("*".equals(grantDatabase) || queries.databaseExists(grantDatabase) ? ""
                    : " No database " + grantDatabase + " exists yet: " + editing + " may create it."));
            grantDatabase = "";
            editingGrants = null;
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
        editingGrants = null;
        return null;
    }

    /** A user's grants as a line of text: the first {@value #GRANTS_SHOWN}, then how many more (the edit panel lists all). */
    public String grantsOf(UserView user) {
        List<String> databases = user.databases();
        if (databases.isEmpty()) {
            return "nothing yet";
        }
        String shown = String.join(", ", databases.subList(0, Math.min(GRANTS_SHOWN, databases.size())));
        return databases.size() <= GRANTS_SHOWN ? shown : String.format(Locale.ROOT, "%s and %,d more", shown, databases.size() - GRANTS_SHOWN);
    }

    /** The grants of the user being edited. */
    public List<String> getEditingGrants() {
        if (editingGrants == null) {
            editingGrants = editing == null ? List.of() : users.user(editing).map(UserView::databases).orElse(List.of());
        }
        return editingGrants;
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

    /** The users whose names the Find box lets through, a page at a time; each page's grants in one read. */
    private final class UserPages extends LazyDataModel<UserView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return filter.matching(names(), name -> name).size();
        }

        @Override
        public List<UserView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            List<String> shown = filter.matching(names(), name -> name);
            setRowCount(shown.size()); // PrimeFaces keeps a first page's count across requests: a new name, a Find, a delete
            int from = Math.max(0, Math.min(first, shown.size()));
            return users.users(shown.subList(from, Math.min(shown.size(), from + Math.max(1, Math.min(pageSize, FeatherBaseUserService.MOST_READ)))));
        }

        @Override
        public String getRowKey(UserView user) {
            return user.name();
        }

        @Override
        public UserView getRowData(String rowKey) {
            List<UserView> page = getWrappedData();
            return page == null ? null : page.stream().filter(u -> u.name().equals(rowKey)).findFirst().orElse(null);
        }
    }
}
