package dev.portico.domain.account;

import java.util.List;
import java.util.Optional;

/** Stored console accounts. */
public interface ConsoleAccountRepository {

    Optional<ConsoleAccount> find(String name);

    /** Every account, by name. */
    List<ConsoleAccount> findAll();

    long countWithRole(Role role);

    /** Stores a new account now, so that a name taken meanwhile is an {@code EXISTS} refusal here. */
    void store(ConsoleAccount account) throws AccountRefusal;

    void remove(ConsoleAccount account);
}
