package dev.portico.infrastructure.persistence.jdbc;

import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerDirectoryStore;
import dev.portico.domain.customer.DuplicateCustomerException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Find and add in plain JDBC, one statement each, where JPA built a unit of work and clones around
 * them: find is one SELECT on the name key's unique index, run on the caller's connection as it is
 * (outside a transaction: auto-commit, no COMMIT); add is one INSERT in the caller's transaction,
 * whose duplicate-key error is the answer "already stored" (no SELECT before it). A group of adds
 * is one INSERT each on one connection, in the one transaction of the group.
 */
@ApplicationScoped
public class JdbcCustomerDirectoryStore implements CustomerDirectoryStore {

    /** MariaDB's ER_DUP_ENTRY: the customer table's only unique key besides the id is the name key. */
    static final int DUPLICATE_ENTRY = 1062;
    /** The age as written (045), or the number of a row stored by SQL without its text. */
    static final String FIND = "SELECT name, COALESCE(age_text, age), address, phone FROM customer WHERE name_key = ?";
    static final String INSERT = "INSERT INTO customer (name, name_key, age, age_text, address, phone) VALUES (?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "jdbc/portico")
    private DataSource dataSource;

    @Override
    public Optional<Customer> find(String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(FIND)) {
            query.setString(1, Customer.keyOf(name));
            try (ResultSet found = query.executeQuery()) {
                return found.next()
                        ? Optional.of(new Customer(found.getString(1), found.getString(2), found.getString(3), found.getString(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("finding a customer failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void insert(Customer customer) throws DuplicateCustomerException {
        if (!insertAll(List.of(customer)).get(0)) {
            throw new DuplicateCustomerException(customer.name());
        }
    }

    @Override
    public List<Boolean> insertAll(List<Customer> customers) {
        return insert(customers, false);
    }

    /**
     * One INSERT on a connection in auto-commit, as the data source gives it outside a transaction: MariaDB commits
     * it before it answers. Should the data source have been set not to auto-commit, it is committed here; inside a
     * global transaction that commit is refused, and so is the add.
     */
    @Override
    public boolean insertCommitted(Customer customer) {
        return insert(List.of(customer), true).get(0);
    }

    /** The INSERTs on one connection and statement; with {@code committed}, committed before it returns (see above). */
    private List<Boolean> insert(List<Customer> customers, boolean committed) {
        List<Boolean> stored = new ArrayList<>(customers.size());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Customer customer : customers) {
                stored.add(inserted(bound(insert, customer)));
            }
            if (committed && !connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new PersistenceException("adding a customer failed: " + e.getMessage(), e);
        }
        return stored;
    }

    private static PreparedStatement bound(PreparedStatement insert, Customer customer) throws SQLException {
        insert.setString(1, customer.name());
        insert.setString(2, customer.nameKey());
        if (customer.ageInYears() == null) {
            insert.setNull(3, Types.SMALLINT);
        } else {
            insert.setInt(3, customer.ageInYears());
        }
        insert.setString(4, customer.age());
        insert.setString(5, customer.address());
        insert.setString(6, customer.phone());
        return insert;
    }

    /**
     * Runs the INSERT; false when the name key refused it (InnoDB undid that statement alone). A statement
     * whose run failed is closed, not returned to Liberty's statement cache: resetting it for the cache
     * (getMoreResults) throws a NullPointerException in Connector/J 3.5 when its last run had no result.
     */
    private static boolean inserted(PreparedStatement insert) throws SQLException {
        try {
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            insert.setPoolable(false);
            if (e.getErrorCode() == DUPLICATE_ENTRY) {
                return false;
            }
            throw e;
        }
    }
}
