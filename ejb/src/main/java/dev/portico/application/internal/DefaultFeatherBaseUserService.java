package dev.portico.application.internal;

import dev.portico.application.FeatherBaseUserService;
import dev.portico.domain.account.PasswordHash;
import dev.portico.domain.featherbase.FbGrant;
import dev.portico.domain.featherbase.FbText;
import dev.portico.domain.featherbase.FbUser;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import dev.portico.domain.featherbase.FeatherBaseRefusal.Reason;
import dev.portico.domain.featherbase.FeatherBaseRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** FeatherBase user administration on JPA. */
@Stateless
public class DefaultFeatherBaseUserService implements FeatherBaseUserService {

    @Inject
    private FeatherBaseRepository store;

    @Inject
    private FeatherBaseLimits limits;

    @Override
    public List<String> userNames() {
        return store.userNames();
    }

    @Override
    public List<UserView> users(List<String> names) {
        if (names.size() > MOST_READ) {
            throw new IllegalArgumentException(names.size() + " users at once; at most " + MOST_READ + " (a page of the list)");
        }
        Map<String, List<String>> grants = store.usersWithGrants(names);
        return names.stream().filter(grants::containsKey).map(name -> new UserView(name, List.copyOf(grants.get(name)))).toList();
    }

    @Override
    public Optional<UserView> user(String name) {
        return store.user(name).map(u -> new UserView(u.name(), store.grants(u.name())));
    }

    @Override
    public void saveUser(String name, String password) throws FeatherBaseRefusal {
        if (name.isBlank() || FbText.characters(name) > FbText.MAX_NAME_LENGTH
                || password.isEmpty() || PasswordHash.characters(password) > PasswordHash.MAX_PASSWORD_LENGTH) {
            throw new FeatherBaseRefusal(Reason.INVALID, "a user needs a name of 1 to " + FbText.MAX_NAME_LENGTH
                    + " characters and a password of 1 to " + PasswordHash.MAX_PASSWORD_LENGTH + " characters");
        }
        FbText.name(name);
        FbText.plain(password, "passwords");
        Optional<FbUser> existing = store.user(name);
        if (existing.isPresent()) {
            existing.get().changePassword(password);
        } else {
            limits.users(store.userCount());
            store.store(new FbUser(name, password));
        }
    }

    @Override
    public void deleteUser(String name) throws FeatherBaseRefusal {
        store.deleteUser(store.userForUpdate(name).orElseThrow(() -> noUser(name)));
    }

    @Override
    public void grant(String user, String database) throws FeatherBaseRefusal {
        if (!FbGrant.ALL_DATABASES.equals(database)) {
            FbText.name(database);
        }
        store.userForUpdate(user).orElseThrow(() -> noUser(user)); // grants to one user one at a time: the count holds
        List<String> granted = store.grants(user);
        if (!granted.contains(database)) {
            limits.grants(granted.size());
            store.store(new FbGrant(user, database));
        }
    }

    @Override
    public void revoke(String user, String database) throws FeatherBaseRefusal {
        existing(user);
        if (!store.revoke(user, database)) {
            throw new FeatherBaseRefusal(Reason.NOT_FOUND, user + " was not granted " + database);
        }
    }

    private FbUser existing(String name) throws FeatherBaseRefusal {
        return store.user(name).orElseThrow(() -> noUser(name));
    }

    private static FeatherBaseRefusal noUser(String name) {
        return new FeatherBaseRefusal(Reason.NOT_FOUND, "no user " + name);
    }
}
