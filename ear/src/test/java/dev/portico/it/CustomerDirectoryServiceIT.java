package dev.portico.it;

import dev.portico.application.CustomerChangedException;
import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.CustomerPage;
import dev.portico.application.CustomerView;
import dev.portico.application.ExportBatch;
import dev.portico.application.ImportReport;
import dev.portico.domain.customer.Customer;
import dev.portico.domain.customer.CustomerFilter;
import dev.portico.domain.customer.CustomerNotFoundException;
import dev.portico.domain.customer.CustomerOrder;
import dev.portico.domain.customer.CustomerProblem;
import dev.portico.domain.customer.CustomerQuery;
import dev.portico.domain.customer.CustomerRepository;
import dev.portico.domain.customer.DuplicateCustomerException;
import dev.portico.domain.customer.InvalidCustomerException;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The customer directory service and repository inside Liberty, on MariaDB, in real transactions. */
@ExtendWith(ArquillianExtension.class)
class CustomerDirectoryServiceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(Deployments.testWar()
                .addClass(CustomerDirectoryServiceIT.class)
                .addAsResource(ItEnvironment.shared().resolve("fixtures/customers-data.txt").toFile(), "fixtures/customers-data.txt"));
    }

    @Inject
    private CustomerDirectoryService directory;

    @Inject
    private CustomerRepository repository;

    @Inject
    private UserTransaction transaction;

    @BeforeEach
    void emptyDirectory() throws Exception {
        for (CustomerView customer : all()) {
            directory.delete(customer.name());
        }
    }

    @Test
    void findMatchesNamesRegardlessOfCaseAndReturnsTheStoredCasing() throws Exception {
        directory.add("McDonald", "40", "1 Farm Rd", "514-1000");
        assertEquals(Optional.of(new CustomerView("McDonald", "40", "1 Farm Rd", "514-1000")), directory.find("mcdonald"));
        assertEquals(Optional.of(new CustomerView("McDonald", "40", "1 Farm Rd", "514-1000")), directory.find("MCDONALD"));
        assertTrue(directory.find("McDonal").isEmpty());
    }

    @Test
    void addRefusesANameAlreadyStoredInAnotherCase() throws Exception {
        directory.add("Anna", "", "", "");
        assertThrows(DuplicateCustomerException.class, () -> directory.add("ANNA", "20", "", ""));
        assertEquals(List.of(new CustomerView("Anna", "", "", "")), all());
    }

    @Test
    void theDatabaseItselfRefusesADuplicateNameThatBypassesTheServiceCheck() throws Exception {
        transaction.begin();
        try {
            repository.store(new Customer("Racer", "30", null, null));
            assertThrows(DuplicateCustomerException.class, () -> repository.store(new Customer("rACER", "31", null, null)));
        } finally {
            transaction.rollback();
        }
        assertTrue(directory.find("racer").isEmpty());
    }

    @Test
    void aFailureLaterInTheSameTransactionRollsBackEarlierChanges() throws Exception {
        transaction.begin();
        directory.add("Rolly", "50", "", "");
        assertThrows(DuplicateCustomerException.class, () -> directory.add("ROLLY", "51", "", ""));
        assertEquals(Status.STATUS_MARKED_ROLLBACK, transaction.getStatus());
        transaction.rollback();
        assertTrue(directory.find("Rolly").isEmpty());
    }

    @Test
    void invalidUpdatesNameTheirProblemAndChangeNothing() throws Exception {
        directory.add("Uma", "30", "Old St", "901-0000");
        InvalidCustomerException age = assertThrows(InvalidCustomerException.class, () -> directory.updateAge("uma", "121"));
        assertEquals(CustomerProblem.AGE_OUT_OF_RANGE, age.problem());
        InvalidCustomerException phone = assertThrows(InvalidCustomerException.class, () -> directory.updatePhone("uma", "555-0000"));
        assertEquals(CustomerProblem.INVALID_PHONE, phone.problem());
        assertThrows(CustomerNotFoundException.class, () -> directory.updateAddress("Nobody", "x"));
        assertEquals(Optional.of(new CustomerView("Uma", "30", "Old St", "901-0000")), directory.find("Uma"));
    }

    @Test
    void updatesChangeAndClearFields() throws Exception {
        directory.add("Vic", "30", "Old St", "901-0000");
        directory.updateAge("VIC", "");
        directory.updateAddress("vic", "New St");
        directory.updatePhone("vic", "");
        assertEquals(Optional.of(new CustomerView("Vic", "", "New St", "")), directory.find("Vic"));
    }

    @Test
    void importingTheReferenceDataFileStoresElevenRecordsAndSkipsTwelveLines() throws Exception {
        List<String> lines;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("fixtures/customers-data.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        ImportReport report = directory.importLines(lines);
        assertEquals(11, report.imported());
        assertEquals(12, report.skipped().size());
        assertEquals(List.of("123", "Ahmad", "Alice", "Bob", "Carl", "Ivy", "John", "Katya", "Lisa", "Max", "Tom"),
                all().stream().map(CustomerView::name).toList());
        assertEquals(List.of(
                        "Bella|121|7 Elm St|426-8888 [invalid age field]",
                        "|35|22 Oak Ave|901-7777 [null key field]",
                        "Nina|0|55 King St|514-5555 [invalid age field]",
                        "Chen|20|9 Birch St|5142345 [invalid phone field]",
                        "Diego|45|5 Lake Rd|999-0000 [invalid phone field]",
                        "Eva|30|10 Willow Dr|901-12A4 [invalid phone field]",
                        "Omar|30|Somewhere|394-12345 [invalid phone field]",
                        "Anna|twenty|Main Blvd|514-1111 [invalid age formate]",
                        "Ali|25|Addr|514-1111|Extra [invalid formate]",
                        "Bob|   |Addr| [key/record already exists]",
                        "Carl|abc|Addr|514-1111 [invalid age formate]",
                        "Frank|25|OnlyThree [invalid formate]"),
                report.skipped().stream().map(s -> s.line() + " [" + s.reason() + "]").toList());
    }

    @Test
    void exportWritesEveryCustomerInTheDataFileFormat() throws IOException, Exception {
        directory.add("b", "2", "", "");
        directory.add("A", "", "1 Road", "394-0000");
        var result = directory.export();
        assertEquals(2, result.customers());
        assertEquals(List.of("A||1 Road|394-0000", "b|2||"), java.nio.file.Files.readAllLines(java.nio.file.Path.of(result.file())));
    }

    @Test
    void aConsoleEditChangesAgeAddressAndPhoneTogetherOrNothingAtAll() throws Exception {
        directory.add("Ines", "30", "1 Rue", "514-0001");
        InvalidCustomerException refused = assertThrows(InvalidCustomerException.class, () -> directory.update("ines", "31", "2 Rue", "555-0000"));
        assertEquals(CustomerProblem.INVALID_PHONE, refused.problem());
        assertEquals(Optional.of(new CustomerView("Ines", "30", "1 Rue", "514-0001")), directory.find("Ines"), "the valid age was not kept either");
        assertThrows(CustomerNotFoundException.class, () -> directory.update("Nobody", "31", "", ""));

        assertEquals(new CustomerView("Ines", "", "2 Rue", "901-0002"), directory.update("INES", "", "2 Rue", "901-0002"));
        assertEquals(Optional.of(new CustomerView("Ines", "", "2 Rue", "901-0002")), directory.find("ines"));
    }

    @Test
    void aChangeAskedOfTheCustomerAsSeenIsRefusedWhenItChangedSinceAndNothingChanges() throws Exception {
        directory.add("Jon", "30", "1 Rue", "514-0001");
        CustomerView seen = directory.find("Jon").orElseThrow();
        directory.updateAddress("Jon", "changed meanwhile");
        CustomerChangedException changed = assertThrows(CustomerChangedException.class,
                () -> directory.update("jon", seen, "31", "1 Rue", "514-0001"));
        assertEquals(new CustomerView("Jon", "30", "changed meanwhile", "514-0001"), changed.current());
        assertEquals(Optional.of(changed.current()), directory.find("Jon"), "nothing changed");
        assertEquals(new CustomerView("Jon", "31", "changed meanwhile", "514-0001"),
                directory.update("JON", changed.current(), "31", "changed meanwhile", "514-0001"), "as seen now: changed");
    }

    @Test
    void pagesAndCountsFollowTheFilterAndTheOrder() throws Exception {
        addBobAnnaAbeAndZoe();
        CustomerFilter all = CustomerFilter.NONE;
        assertEquals(4, directory.count(all));
        assertEquals(List.of("Abe", "Anna", "bob", "Zoe"), names(directory.page(new CustomerQuery(all, CustomerOrder.NAME_ASCENDING, 0, 10))));
        assertEquals(List.of("Anna", "bob"), names(directory.page(new CustomerQuery(all, CustomerOrder.NAME_ASCENDING, 1, 2))));
        assertEquals(List.of("Zoe", "bob", "Anna", "Abe"), names(directory.page(new CustomerQuery(all, CustomerOrder.NAME_DESCENDING, 0, 10))));
        assertEquals(List.of("Zoe", "Anna", "bob", "Abe"), names(directory.page(new CustomerQuery(all, CustomerOrder.AGE_ASCENDING, 0, 10))),
                "no age first, equal ages in the order added");

        CustomerFilter startsWithA = new CustomerFilter("a", "", null);
        assertEquals(2, directory.count(startsWithA));
        assertEquals(List.of("Abe", "Anna"), names(directory.page(new CustomerQuery(startsWithA, CustomerOrder.NAME_ASCENDING, 0, 10))));
        assertEquals(List.of("bob", "Abe"), names(directory.page(new CustomerQuery(new CustomerFilter("", "514", 40), CustomerOrder.AGE_ASCENDING, 0, 10))));
        assertEquals(0, directory.count(new CustomerFilter("a%", "", null)), "a wildcard in a prefix is a literal character");
        assertEquals(List.of(), names(directory.page(new CustomerQuery(all, CustomerOrder.NAME_ASCENDING, 4, 10))));
    }

    @Test
    void pagesContinueAfterTheLastCustomerInEveryOrderThoughAgesAreMissingOrEqual() throws Exception {
        addBobAnnaAbeAndZoe();
        directory.add("Yan", "", "", "");
        directory.add("Cid", "040", "", "514-0004");
        CustomerFilter all = CustomerFilter.NONE;
        assertEquals(List.of(List.of("Abe", "Anna"), List.of("bob", "Cid"), List.of("Yan", "Zoe")), pagesAfter(all, CustomerOrder.NAME_ASCENDING, 2),
                "a full last page says no more follow: no empty page after it");
        assertEquals(List.of(List.of("Zoe", "Yan", "Cid", "bob"), List.of("Anna", "Abe")), pagesAfter(all, CustomerOrder.NAME_DESCENDING, 4));
        assertEquals(List.of(List.of("Zoe"), List.of("Yan"), List.of("Anna"), List.of("bob"), List.of("Abe"), List.of("Cid")),
                pagesAfter(all, CustomerOrder.AGE_ASCENDING, 1), "no age first, equal ages in the order added, across pages");
        assertEquals(List.of(List.of("Cid", "Abe", "bob"), List.of("Anna", "Yan", "Zoe")), pagesAfter(all, CustomerOrder.AGE_DESCENDING, 3));
        assertEquals(List.of(List.of("Cid"), List.of("Abe"), List.of("bob"), List.of("Anna"), List.of("Yan"), List.of("Zoe")),
                pagesAfter(all, CustomerOrder.AGE_DESCENDING, 1), "from the last aged customer to those without an age");
        assertEquals(List.of(List.of("bob", "Abe"), List.of("Cid")), pagesAfter(new CustomerFilter("", "514", 40), CustomerOrder.AGE_ASCENDING, 2),
                "the filter holds on every page");

        for (CustomerOrder order : CustomerOrder.values()) {
            for (int offset = 0; offset <= 7; offset++) {
                for (int size : new int[] {1, 2, 4}) {
                    CustomerQuery query = new CustomerQuery(all, order, offset, size);
                    assertEquals(names(directory.page(query)), names(directory.page(query, 6)),
                            "a page read from the other end when it is in the second half: " + order + " " + offset + "+" + size);
                }
            }
        }

        CustomerPage first = directory.page(new CustomerQuery(all, CustomerOrder.NAME_ASCENDING, 0, 2));
        directory.delete("Anna");
        directory.add("Abby", "", "", "");
        directory.add("Bea", "", "", "");
        assertEquals(List.of("Bea", "bob"), names(directory.page(new CustomerQuery(all, CustomerOrder.NAME_ASCENDING, 0, 2, first.next().get()))),
                "the next page continues after the last customer shown, though that customer was deleted and others were added before it");
    }

    @Test
    void agesKeptAsWrittenSortAndFilterByTheirValue() throws Exception {
        directory.add("Xi", "045", "", "");
        directory.add("Bo", "7", "", "");
        directory.add("Cy", "0120", "", "");
        directory.add("Di", "45", "", "");
        assertEquals(List.of("Bo|7", "Xi|045", "Di|45", "Cy|0120"), directory.page(new CustomerQuery(CustomerFilter.NONE, CustomerOrder.AGE_ASCENDING, 0, 10)).customers()
                .stream().map(c -> c.name() + "|" + c.age()).toList());
        assertEquals(List.of("Xi", "Di"), names(directory.page(new CustomerQuery(new CustomerFilter("", "", 45), CustomerOrder.AGE_ASCENDING, 0, 10))));
        assertEquals(List.of("Bo|7||", "Cy|0120||", "Di|45||", "Xi|045||"), directory.exportBatch(null, 10).lines());
    }

    @Test
    void aNamePrefixFilterLowerCasesAsPythonDoes() throws Exception {
        directory.add("İzmir", "", "", "");
        directory.add("izmir", "", "", "");
        directory.add("ΟΔΟΣ", "", "", "");
        directory.add("Οδοσπορος", "", "", "");
        assertEquals(List.of("İzmir"), names(directory.page(new CustomerQuery(new CustomerFilter("İ", "", null), CustomerOrder.NAME_ASCENDING, 0, 10))));
        assertEquals(List.of("izmir"), names(directory.page(new CustomerQuery(new CustomerFilter("IZ", "", null), CustomerOrder.NAME_ASCENDING, 0, 10))));
        assertEquals(List.of("ΟΔΟΣ", "Οδοσπορος"), names(directory.page(new CustomerQuery(new CustomerFilter("οδοΣ", "", null), CustomerOrder.NAME_ASCENDING, 0, 10))),
                "a prefix ending in capital sigma matches the final and the medial form");
        assertEquals(1, directory.count(new CustomerFilter("ΟΔΟΣΠ", "", null)));
    }

    @Test
    void exportBatchesContinueAfterTheLastNameKeyUntilOneComesBackShort() throws Exception {
        directory.add("b", "2", "", "");
        directory.add("A", "", "1 Road", "394-0000");
        directory.add("c", "", "", "");
        ExportBatch first = directory.exportBatch(null, 2);
        assertEquals(List.of("A||1 Road|394-0000", "b|2||"), first.lines());
        assertEquals("b", first.lastNameKey());
        ExportBatch second = directory.exportBatch(first.lastNameKey(), 2);
        assertEquals(List.of("c|||"), second.lines());
        assertEquals(List.of(), directory.exportBatch(second.lastNameKey(), 2).lines());
    }

    /** Two of age 40 (bob first), one younger, one without an age; two with 514 phones. */
    private void addBobAnnaAbeAndZoe() throws Exception {
        directory.add("bob", "40", "", "514-0002");
        directory.add("Anna", "25", "", "394-0001");
        directory.add("Abe", "40", "", "514-0003");
        directory.add("Zoe", "", "", "");
    }

    private static List<String> names(List<CustomerView> customers) {
        return customers.stream().map(CustomerView::name).toList();
    }

    private static List<String> names(CustomerPage page) {
        return names(page.customers());
    }

    /** Every page of {@code filter} in {@code order}, {@code size} at a time, each continuing after the one before. */
    private List<List<String>> pagesAfter(CustomerFilter filter, CustomerOrder order, int size) {
        List<List<String>> pages = new ArrayList<>();
        CustomerPage page = directory.page(new CustomerQuery(filter, order, 0, size));
        pages.add(names(page));
        while (page.next().isPresent()) {
            assertTrue(pages.size() < 20, "the pages end");
            page = directory.page(new CustomerQuery(filter, order, 0, size, page.next().get()));
            pages.add(names(page));
        }
        return pages;
    }

    /** Every customer in the report's order, as the streamed listing hands them out. */
    private List<CustomerView> all() {
        List<CustomerView> customers = new ArrayList<>();
        directory.eachCustomer(customers::add);
        return customers;
    }
}
