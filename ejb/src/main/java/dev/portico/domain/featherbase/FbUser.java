package dev.portico.domain.featherbase;

import dev.portico.domain.account.PasswordHash;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A FeatherBase user; only a salted hash of the password is kept. */
@Entity
@Table(name = "fb_user")
@NamedQuery(name = "FbUser.named", query = "SELECT u.name FROM FbUser u WHERE u.name IN :names")
public class FbUser {

    @Id
    private String name;

    @Column(name = "password_hash")
    private String passwordHash;

    protected FbUser() {
    }

    public FbUser(String name, String password) {
        this.name = name;
        this.passwordHash = PasswordHash.of(password);
    }

    public boolean hasPassword(String password) {
        return PasswordHash.matches(passwordHash, password);
    }

    public void changePassword(String password) {
        this.passwordHash = PasswordHash.of(password);
    }

    public String name() {
        return name;
    }
}
