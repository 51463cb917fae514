package dev.portico.infrastructure.persistence.jdbc;

import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerStream;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * Customers in name order through plain JDBC: MariaDB Connector/J streams a forward-only result
 * whose fetch size is set, {@value #FETCH_SIZE} rows at a time, and no persistence context holds
 * what was read. The unique name-key index gives the order, so the first row comes without a sort.
 */
@ApplicationScoped
public class JdbcCustomerStream implements CustomerStream {

    static final int FETCH_SIZE = 1000;
    private static final String IN_NAME_ORDER =
            "SELECT name, COALESCE(age_text, age), address, phone FROM customer FORCE INDEX (uk_customer_name_key) ORDER BY name_key";

    @Resource(lookup = "jdbc/portico")
    private DataSource dataSource;

    @Override
    public long forEachByName(Predicate<Customer> each) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(IN_NAME_ORDER, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(FETCH_SIZE);
            long count = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    count++;
                    if (!each.test(customer(rows))) {
                        break;
                    }
                }
            }
            return count;
        } catch (SQLException e) {
            throw new PersistenceException("reading the customers in name order failed: " + e.getMessage(), e);
        }
    }

    private static Customer customer(ResultSet rows) throws SQLException {
        // the age as written (045), or the number of a row stored by SQL without its text
        return new Customer(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4));
    }
}
