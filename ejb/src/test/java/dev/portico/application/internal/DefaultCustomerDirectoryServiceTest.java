package dev.portico.application.internal;

import dev.portico.application.CustomerView;
import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerDirectoryStore;
import dev.portico.domain.customer.CustomerProblem;
import dev.portico.domain.customer.DuplicateCustomerException;
import dev.portico.domain.customer.InvalidCustomerException;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Find and add cost one store call each: a find one lookup outside any transaction, a valid add one
 * insert whose refusal means "already stored" (a socket add one insert in a group commit); only an
 * invalid add looks the name up, because a stored name is answered before any problem of the fields,
 * as the reference server did.
 */
class DefaultCustomerDirectoryServiceTest {

    /** Customers by name key, with every call noted; the key index refuses a second spelling of a name. */
    private static final class KeyedStore implements CustomerDirectoryStore {
        final Map<String, Customer> byKey = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Optional<Customer> find(String name) {
            calls.add("find " + name);
            return Optional.ofNullable(byKey.get(Customer.keyOf(name)));
        }

        @Override
        public void insert(Customer customer) throws DuplicateCustomerException {
            calls.add("insert " + customer.name());
            if (byKey.putIfAbsent(customer.nameKey(), customer) != null) {
                throw new DuplicateCustomerException(customer.name());
            }
        }

        @Override
        public List<Boolean> insertAll(List<Customer> customers) {
            calls.add("insertAll " + customers.stream().map(Customer::name).toList());
            return customers.stream().map(c -> byKey.putIfAbsent(c.nameKey(), c) == null).toList();
        }

        @Override
        public boolean insertCommitted(Customer customer) {
            calls.add("insertCommitted " + customer.name());
            return byKey.putIfAbsent(customer.nameKey(), customer) == null;
        }
    }

    private final KeyedStore store = new KeyedStore();
    private final DefaultCustomerDirectoryService service = service(store);

    /** The service on {@code store}, its adds through a group commit that writes with the same store. */
    private static DefaultCustomerDirectoryService service(CustomerDirectoryStore store) {
        try {
            CustomerAddWriter writer = set(new CustomerAddWriter(), "directory", store);
            CustomerAddGroupCommit groupCommit = new CustomerAddGroupCommit();
            groupCommit.writeWith(writer, FeatherBaseGroupCommitTest.reachable());
            return set(set(new DefaultCustomerDirectoryService(), "directory", store), "groupCommit", groupCommit);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T set(T bean, String name, Object value) throws ReflectiveOperationException {
        Field field = bean.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(bean, value);
        return bean;
    }

    @Test
    void aValidAddIsOneInsertWithoutALookupBeforeIt() throws Exception {
        CustomerView added = service.add("Ann", "045", "1 Road", "514-1234");
        assertEquals(new CustomerView("Ann", "045", "1 Road", "514-1234"), added);
        assertEquals(List.of("insert Ann"), store.calls);
        assertEquals(45, store.byKey.get("ann").ageInYears());
    }

    @Test
    void anAddRefusedByTheNameKeyIsAlreadyStoredInAnySpelling() throws Exception {
        service.add("Ann", "", "", "");
        assertThrows(DuplicateCustomerException.class, () -> service.add("ANN", "30", "x", "514-1234"));
        assertEquals(List.of("insert Ann", "insert ANN"), store.calls);
    }

    @Test
    void anInvalidAddOfAStoredNameIsAlreadyStoredBeforeTheProblemOfItsFields() throws Exception {
        service.add("Ann", "", "", "");
        assertThrows(DuplicateCustomerException.class, () -> service.add("aNN", "abc", "x", "123"));
        assertEquals(List.of("insert Ann", "find aNN"), store.calls);
    }

    @Test
    void anInvalidAddOfANewNameNamesTheFirstProblemAndStoresNothing() {
        InvalidCustomerException age = assertThrows(InvalidCustomerException.class, () -> service.add("Bob", "121", "x", "123"));
        assertEquals(CustomerProblem.AGE_OUT_OF_RANGE, age.problem());
        assertEquals("121", age.value());
        InvalidCustomerException empty = assertThrows(InvalidCustomerException.class, () -> service.add("", "30", "x", ""));
        assertEquals(CustomerProblem.EMPTY_NAME, empty.problem());
        assertEquals(List.of("find Bob", "find "), store.calls);
        assertEquals(Map.of(), store.byKey);
    }

    @Test
    void findIsOneLookupByKeyAndShowsAbsentFieldsAsEmpty() throws Exception {
        service.add("Ann", "", "", "");
        store.calls.clear();
        assertEquals(Optional.of(new CustomerView("Ann", "", "", "")), service.find("aNn"));
        assertEquals(Optional.empty(), service.find("Ann "));
        assertEquals(List.of("find aNn", "find Ann "), store.calls);
    }

    @Test
    void aSocketAddAloneIsOneCommittedInsertAndItsRefusalsLeaveTheLocalTransactionAlone() throws Exception {
        assertEquals(new CustomerView("Ann", "30", "", ""), service.addCommitted("Ann", "30", "", ""));
        assertThrows(DuplicateCustomerException.Untransacted.class, () -> service.addCommitted("aNN", "31", "", ""));
        assertThrows(DuplicateCustomerException.Untransacted.class, () -> service.addCommitted("ANN", "x", "", ""));
        InvalidCustomerException phone = assertThrows(InvalidCustomerException.Untransacted.class, () -> service.addCommitted("Bob", "", "", "555-1234"));
        assertEquals(CustomerProblem.INVALID_PHONE, phone.problem());
        assertEquals("555-1234", phone.value());
        assertEquals(List.of("insertCommitted Ann", "insertCommitted aNN", "find ANN", "find Bob"), store.calls);
        assertEquals(List.of("Ann"), store.byKey.values().stream().map(Customer::name).toList());
        assertFalse(DuplicateCustomerException.Untransacted.class.getAnnotation(ApplicationException.class).rollback());
        assertFalse(InvalidCustomerException.Untransacted.class.getAnnotation(ApplicationException.class).rollback());
    }

    @Test
    void findAndTheSocketAddRunOutsideAnyTransactionAndAddInOne() throws Exception {
        assertEquals(TransactionAttributeType.NOT_SUPPORTED, DefaultCustomerDirectoryService.class
                .getMethod("addCommitted", String.class, String.class, String.class, String.class).getAnnotation(TransactionAttribute.class).value());
        TransactionAttribute find = DefaultCustomerDirectoryService.class.getMethod("find", String.class).getAnnotation(TransactionAttribute.class);
        assertEquals(TransactionAttributeType.NOT_SUPPORTED, find.value());
        assertNull(DefaultCustomerDirectoryService.class.getMethod("add", String.class, String.class, String.class, String.class)
                .getAnnotation(TransactionAttribute.class), "add keeps the class default, REQUIRED");
        assertNull(DefaultCustomerDirectoryService.class.getAnnotation(TransactionAttribute.class));
    }
}
