package dev.portico.application.internal;

import dev.portico.application.CustomerView;
import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerDirectoryStore;
import dev.portico.domain.customer.CustomerProblem;
import dev.portico.domain.customer.DuplicateCustomerException;
import dev.portico.domain.customer.InvalidCustomerException;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Find and add cost one store call each: a find one lookup outside any transaction, a valid add one
 * insert whose refusal means "already stored"; only an invalid add looks the name up, because a
 * stored name is answered before any problem of the fields, as the reference server did.
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
    }

    private final KeyedStore store = new KeyedStore();
    private final DefaultCustomerDirectoryService service = service(store);

    private static DefaultCustomerDirectoryService service(CustomerDirectoryStore store) {
        try {
            DefaultCustomerDirectoryService service = new DefaultCustomerDirectoryService();
            Field field = DefaultCustomerDirectoryService.class.getDeclaredField("directory");
            field.setAccessible(true);
            field.set(service, store);
            return service;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
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
    void findRunsOutsideAnyTransactionAndAddInOne() throws Exception {
        TransactionAttribute find = DefaultCustomerDirectoryService.class.getMethod("find", String.class).getAnnotation(TransactionAttribute.class);
        assertEquals(TransactionAttributeType.NOT_SUPPORTED, find.value());
        assertNull(DefaultCustomerDirectoryService.class.getMethod("add", String.class, String.class, String.class, String.class)
                .getAnnotation(TransactionAttribute.class), "add keeps the class default, REQUIRED");
        assertNull(DefaultCustomerDirectoryService.class.getAnnotation(TransactionAttribute.class));
    }
}
