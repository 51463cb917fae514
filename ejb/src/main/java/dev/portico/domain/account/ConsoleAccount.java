package dev.portico.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.util.regex.Pattern;

/** An account that may sign in to the console and the JSON API, with its role and password hash. */
@Entity
@Table(name = "console_account")
@NamedQuery(name = "ConsoleAccount.findAll", query = "SELECT a FROM ConsoleAccount a ORDER BY a.name")
@NamedQuery(name = "ConsoleAccount.countByRole", query = "SELECT COUNT(a) FROM ConsoleAccount a WHERE a.role = :role")
@NamedQuery(name = "ConsoleAccount.namesLike", query = "SELECT a.name FROM ConsoleAccount a WHERE LOWER(a.name) = :lower")
public class ConsoleAccount {

    /** Letters, digits, dot, dash and underscore, 1 to 64 of them: no spaces, nothing to confuse in a log or a URL. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = PasswordHash.MAX_PASSWORD_LENGTH;

    @Id
    private String name;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String role;

    protected ConsoleAccount() {
    }

    public ConsoleAccount(String name, String password, Role role) throws AccountRefusal {
        this.name = checkedName(name);
        this.passwordHash = PasswordHash.of(checkedPassword(password));
        this.role = checkedRole(role).id();
    }

    /** A role must be chosen: a form sent without one (or with an empty one) is refused, not taken for either. */
    public static Role checkedRole(Role role) throws AccountRefusal {
        if (role == null) {
            throw new AccountRefusal(AccountRefusal.Reason.INVALID, "Choose a role: admin or viewer");
        }
        return role;
    }

    public static String checkedName(String name) throws AccountRefusal {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AccountRefusal(AccountRefusal.Reason.INVALID,
                    "A name is 1 to 64 letters, digits, dots, dashes or underscores");
        }
        return name;
    }

    public static String checkedPassword(String password) throws AccountRefusal {
        int characters = password == null ? 0 : PasswordHash.characters(password);
        if (characters < MIN_PASSWORD_LENGTH || characters > MAX_PASSWORD_LENGTH) {
            throw new AccountRefusal(AccountRefusal.Reason.INVALID,
                    "A password has " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
        }
        return password;
    }

    /** Whether the password is this account's (a slow, constant-time comparison; none for a null or overlong one). */
    public boolean passwordMatches(String password) {
        return PasswordHash.matches(passwordHash, password);
    }

    /**
     * A fast digest of the stored hash with the given password: equal only for this password while
     * the stored hash is unchanged. It lets a caller remember a password verified once (HTTP Basic
     * sends it with every request) without keeping the password itself.
     */
    public String verifiedKey(String password) {
        return name + '\u0000' + digest(password);
    }

    /**
     * A digest of the stored hash alone, which changes with every password set (each hash has a salt of its own): a
     * session signed in keeps it and ends when it no longer matches, that is once the password was changed.
     */
    public String passwordStamp() {
        return digest(null);
    }

    /** SHA-256 of the stored hash, and of {@code password} after it when given, in Base64. */
    private String digest(String password) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (password != null) {
                digest.update((byte) 0);
                digest.update(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.Base64.getEncoder().encodeToString(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public void changePassword(String password) throws AccountRefusal {
        this.passwordHash = PasswordHash.of(checkedPassword(password));
    }

    public void changeRole(Role role) {
        this.role = role.id();
    }

    public String name() {
        return name;
    }

    public Role role() {
        return Role.of(role);
    }
}
