package dev.portico.infrastructure.persistence.jdbc;

import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.DuplicateCustomerException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Find is one SELECT by the Python-lower-cased name key, add one INSERT; the name key's duplicate-key
 * error (and only it) means "already stored", any other refusal stays a failure.
 */
class JdbcCustomerDirectoryStoreTest {

    /** Every statement prepared, then each parameter set on it as "index=value". */
    private final List<String> sent = new ArrayList<>();
    private Iterator<List<String>> rows = List.<List<String>>of().iterator();
    private SQLException updateFailure;
    /** When set, only the update with this number (from 1) fails with {@link #updateFailure}. */
    private int failingUpdate;
    private int updates;
    private List<String> current;
    /** What the connection says of auto-commit. */
    private boolean autoCommit = true;

    private JdbcCustomerDirectoryStore store() throws ReflectiveOperationException {
        ResultSet result = proxy(ResultSet.class, (method, args) -> switch (method) {
            case "next" -> {
                current = rows.hasNext() ? rows.next() : null;
                yield current != null;
            }
            case "getString" -> current.get((Integer) args[0] - 1);
            case "close" -> null;
            default -> throw new AssertionError(method);
        });
        PreparedStatement statement = proxy(PreparedStatement.class, (method, args) -> switch (method) {
            case "setString", "setInt", "setNull" -> sent.add(args[0] + "=" + (method.equals("setNull") ? "NULL" : args[1]));
            case "executeQuery" -> {
                sent.add("query");
                yield result;
            }
            case "executeUpdate" -> {
                sent.add("update");
                updates++;
                if (updateFailure != null && (failingUpdate == 0 || failingUpdate == updates)) {
                    throw updateFailure;
                }
                yield 1;
            }
            case "setPoolable" -> sent.add("poolable=" + args[0]);
            case "close" -> sent.add("close");
            default -> throw new AssertionError(method);
        });
        Connection connection = proxy(Connection.class, (method, args) -> switch (method) {
            case "prepareStatement" -> {
                sent.add((String) args[0]);
                yield statement;
            }
            case "getAutoCommit" -> autoCommit;
            case "commit" -> sent.add("commit");
            case "close" -> null;
            default -> throw new AssertionError(method);
        });
        DataSource dataSource = proxy(DataSource.class, (method, args) -> {
            if (method.equals("getConnection")) {
                return connection;
            }
            throw new AssertionError(method);
        });
        JdbcCustomerDirectoryStore store = new JdbcCustomerDirectoryStore();
        Field field = JdbcCustomerDirectoryStore.class.getDeclaredField("dataSource");
        field.setAccessible(true);
        field.set(store, dataSource);
        return store;
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args) throws Throwable;
    }

    private <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }

    @Test
    void findIsOneSelectByThePythonLowerCasedNameKey() throws Exception {
        rows = List.of(Arrays.asList("İzmir", "045", null, "514-1234")).iterator();
        Optional<Customer> found = store().find("İZMİR");
        assertEquals(List.of(JdbcCustomerDirectoryStore.FIND, "1=i\u0307zmi\u0307r", "query", "close"), sent);
        assertEquals("SELECT name, COALESCE(age_text, age), address, phone FROM customer WHERE name_key = ?", JdbcCustomerDirectoryStore.FIND);
        Customer customer = found.orElseThrow();
        assertEquals(List.of("İzmir", "045", "514-1234"), List.of(customer.name(), customer.age(), customer.phone()));
        assertEquals(null, customer.address());
        assertEquals(45, customer.ageInYears());
    }

    @Test
    void findOfAnUnknownNameIsEmpty() throws Exception {
        assertEquals(Optional.empty(), store().find("nobody"));
        assertEquals(4, sent.size());
    }

    @Test
    void addIsOneInsertOfNameKeyAgeAsNumberAndAsWritten() throws Exception {
        store().insert(new Customer("Ann", "007", null, "514-1234"));
        assertEquals(List.of(JdbcCustomerDirectoryStore.INSERT, "1=Ann", "2=ann", "3=7", "4=007", "5=null", "6=514-1234", "update", "close"), sent);
        sent.clear();
        store().insert(new Customer("Bo", null, "x", null));
        assertEquals(List.of(JdbcCustomerDirectoryStore.INSERT, "1=Bo", "2=bo", "3=NULL", "4=null", "5=x", "6=null", "update", "close"), sent);
    }

    @Test
    void anAddCommittedIsTheInsertAloneOnAConnectionInAutoCommit() throws Exception {
        assertTrue(store().insertCommitted(new Customer("Ann", "007", null, "514-1234")));
        assertEquals(List.of(JdbcCustomerDirectoryStore.INSERT, "1=Ann", "2=ann", "3=7", "4=007", "5=null", "6=514-1234", "update", "close"), sent);
    }

    @Test
    void anAddCommittedOnAConnectionNotInAutoCommitIsCommittedBeforeItReturns() throws Exception {
        autoCommit = false;
        assertTrue(store().insertCommitted(new Customer("Ann", null, null, null)));
        assertEquals(List.of("update", "commit", "close"), sent.subList(sent.size() - 3, sent.size()));
    }

    @Test
    void anAddCommittedOfATakenNameIsFalse() throws Exception {
        updateFailure = new SQLIntegrityConstraintViolationException("Duplicate entry 'ann' for key 'uk_customer_name_key'", "23000", 1062);
        assertEquals(false, store().insertCommitted(new Customer("ANN", null, null, null)));
        assertEquals(List.of("update", "poolable=false", "close"), sent.subList(sent.size() - 3, sent.size()));
    }

    @Test
    void theDuplicateKeyErrorIsAlreadyStored() throws Exception {
        updateFailure = new SQLIntegrityConstraintViolationException("Duplicate entry 'ann' for key 'uk_customer_name_key'", "23000", 1062);
        DuplicateCustomerException duplicate = assertThrows(DuplicateCustomerException.class,
                () -> store().insert(new Customer("ANN", null, null, null)));
        assertTrue(duplicate.getMessage().contains("ANN"), duplicate.getMessage());
        assertEquals(List.of("update", "poolable=false", "close"), sent.subList(sent.size() - 3, sent.size()),
                "a statement whose run failed is closed, never reset for Liberty's statement cache");
    }

    @Test
    void aGroupIsOneInsertEachOnOneStatementAndATakenNameRefusesOnlyItsOwn() throws Exception {
        updateFailure = new SQLIntegrityConstraintViolationException("Duplicate entry 'ann' for key 'uk_customer_name_key'", "23000", 1062);
        failingUpdate = 2;
        List<Boolean> stored = store().insertAll(List.of(new Customer("Ann", null, null, null), new Customer("ANN", null, null, null),
                new Customer("Bo", null, null, null)));
        assertEquals(List.of(true, false, true), stored);
        assertEquals(1, sent.stream().filter(JdbcCustomerDirectoryStore.INSERT::equals).count(), "one statement prepared: " + sent);
        assertEquals(3, updates);
        assertTrue(sent.indexOf("poolable=false") > 0 && sent.indexOf("poolable=false") < sent.indexOf("close"), sent.toString());
    }

    @Test
    void anyOtherRefusalInAGroupFailsTheGroup() throws Exception {
        updateFailure = new SQLIntegrityConstraintViolationException("CONSTRAINT `ck_customer_age` failed", "23000", 4025);
        failingUpdate = 2;
        JdbcCustomerDirectoryStore store = store();
        List<Customer> group = List.of(new Customer("Ann", null, null, null), new Customer("Bo", "30", null, null));
        assertSame(updateFailure, assertThrows(PersistenceException.class, () -> store.insertAll(group)).getCause());
    }

    @Test
    void anyOtherRefusalOfTheInsertIsAFailureNotAlreadyStored() throws Exception {
        updateFailure = new SQLIntegrityConstraintViolationException("CONSTRAINT `ck_customer_age` failed", "23000", 4025);
        PersistenceException failure = assertThrows(PersistenceException.class, () -> store().insert(new Customer("Ann", "30", null, null)));
        assertSame(updateFailure, failure.getCause());
    }
}
