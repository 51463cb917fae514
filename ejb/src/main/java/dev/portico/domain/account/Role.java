package dev.portico.domain.account;

import java.util.Locale;

/** What an account may do: an {@code ADMIN} changes anything, a {@code VIEWER} reads everything. */
public enum Role {
    ADMIN, VIEWER;

    /** The role's name as stored and as the container's group/role name ({@code admin}, {@code viewer}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code admin} or {@code viewer}. */
    public static Role of(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return role;
            }
        }
        throw new IllegalArgumentException("no role " + id);
    }
}
