package dev.portico.interfaces.socket;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.CustomerView;
import dev.portico.application.DatabaseAvailability;
import dev.portico.domain.customer.CustomerNotFoundException;
import dev.portico.domain.customer.CustomerProblem;
import dev.portico.domain.customer.DuplicateCustomerException;
import dev.portico.domain.customer.InvalidCustomerException;
import dev.portico.jca.api.CustomerDirectoryReply;
import dev.portico.jca.api.CustomerDirectoryReply.Field;
import dev.portico.jca.api.CustomerDirectoryReply.Operation;
import dev.portico.jca.api.CustomerDirectoryRequest;
import dev.portico.jca.api.ReplyAbandonedException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.portico.interfaces.socket.BeanStubs.stub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What each outcome of the customer directory service becomes on the wire (the reply the codec renders). */
class CustomerDirectoryMdbTest {

    @Test
    void findAnswersTheCustomerOrNotFound() {
        CustomerView ann = new CustomerView("Ann", "30", "1 Main St", "514-1234");
        assertEquals(new CustomerDirectoryReply.Customer("Ann", "30", "1 Main St", "514-1234"),
                answer("find", args -> Optional.of(ann), new CustomerDirectoryRequest.Find("ann")));
        assertEquals(new CustomerDirectoryReply.NotFound("zed"), answer("find", args -> Optional.empty(), new CustomerDirectoryRequest.Find("zed")));
    }

    @Test
    void addEchoesTheLineOrNamesTheTakenName() {
        CustomerDirectoryRequest.Add add = new CustomerDirectoryRequest.Add("2|Ann|30|x|", "Ann", "30", "x", "");
        assertEquals(new CustomerDirectoryReply.Added("2|Ann|30|x|"), answer("addCommitted", args -> null, add));
        assertEquals(new CustomerDirectoryReply.AlreadyStored("Ann"), answer("addCommitted", fail(new DuplicateCustomerException("Ann")), add));
    }

    @Test
    void addRefusedForAnEmptyNameOrALineBreakListsAllFourFieldsOtherwiseTheValue() {
        CustomerDirectoryRequest.Add add = new CustomerDirectoryRequest.Add("2||30|x|", "", "30", "x", "");
        assertEquals(new CustomerDirectoryReply.Skipped(Operation.ADDING, "null key field", List.of("", "30", "x", "")),
                answer("addCommitted", fail(new InvalidCustomerException(CustomerProblem.EMPTY_NAME, "")), add));
        assertEquals(new CustomerDirectoryReply.Skipped(Operation.ADDING, "line break in field", List.of("", "30", "x", "")),
                answer("addCommitted", fail(new InvalidCustomerException(CustomerProblem.LINE_BREAK, "x")), add));
        assertEquals(new CustomerDirectoryReply.Skipped(Operation.ADDING, "invalid age field", List.of("130")),
                answer("addCommitted", fail(new InvalidCustomerException(CustomerProblem.AGE_OUT_OF_RANGE, "130")), add));
    }

    @Test
    void deleteAnswersDeletedNameEmptyOrNotFoundInTheDatabase() {
        assertEquals(new CustomerDirectoryReply.Deleted("Ann"), answer("delete", args -> null, new CustomerDirectoryRequest.Delete("Ann")));
        assertEquals(new CustomerDirectoryReply.NameEmpty(),
                answer("delete", fail(new InvalidCustomerException(CustomerProblem.EMPTY_NAME, "")), new CustomerDirectoryRequest.Delete("")));
        assertEquals(new CustomerDirectoryReply.NotFoundToDelete("Zed"),
                answer("delete", fail(new CustomerNotFoundException("Zed")), new CustomerDirectoryRequest.Delete("Zed")));
    }

    @Test
    void updateAgeAnswersUpdatedNotFoundOrSkippedWithNameAndAgeForANonNumber() {
        CustomerDirectoryRequest.UpdateAge update = new CustomerDirectoryRequest.UpdateAge("Ann", "4x");
        assertEquals(new CustomerDirectoryReply.Updated("Ann", Field.AGE), answer("updateAge", args -> null, update));
        assertEquals(new CustomerDirectoryReply.NotFound("Ann"), answer("updateAge", fail(new CustomerNotFoundException("Ann")), update));
        assertEquals(new CustomerDirectoryReply.Skipped(Operation.UPDATE, "invalid age formate", List.of("Ann", "4x")),
                answer("updateAge", fail(new InvalidCustomerException(CustomerProblem.AGE_NOT_A_NUMBER, "4x")), update));
        assertEquals(new CustomerDirectoryReply.Skipped(Operation.UPDATE, "invalid age field", List.of("0")),
                answer("updateAge", fail(new InvalidCustomerException(CustomerProblem.AGE_OUT_OF_RANGE, "0")), update));
    }

    @Test
    void updateAddressRefusedShowsNameAndAddress() {
        CustomerDirectoryRequest.UpdateAddress update = new CustomerDirectoryRequest.UpdateAddress("Ann", "a\nb");
        assertEquals(new CustomerDirectoryReply.Updated("Ann", Field.ADDRESS), answer("updateAddress", args -> null, update));
        assertEquals(new CustomerDirectoryReply.NotFound("Ann"), answer("updateAddress", fail(new CustomerNotFoundException("Ann")), update));
        assertEquals(new CustomerDirectoryReply.Skipped(Operation.UPDATE, "line break in field", List.of("Ann", "a\nb")),
                answer("updateAddress", fail(new InvalidCustomerException(CustomerProblem.LINE_BREAK, "a\nb")), update));
    }

    @Test
    void updatePhoneRefusedSaysAddingAsTheReferenceDid() {
        CustomerDirectoryRequest.UpdatePhone update = new CustomerDirectoryRequest.UpdatePhone("Ann", "12");
        assertEquals(new CustomerDirectoryReply.Updated("Ann", Field.PHONE), answer("updatePhone", args -> null, update));
        assertEquals(new CustomerDirectoryReply.NotFound("Ann"), answer("updatePhone", fail(new CustomerNotFoundException("Ann")), update));
        assertEquals(new CustomerDirectoryReply.Skipped(Operation.ADDING, "invalid phone field", List.of("12")),
                answer("updatePhone", fail(new InvalidCustomerException(CustomerProblem.INVALID_PHONE, "12")), update));
    }

    @Test
    void reportStreamsEachCustomerAndStopsReadingOnceTheClientIsGone() {
        List<CustomerDirectoryReply.Customer> sent = new ArrayList<>();
        List<Boolean> continued = new ArrayList<>();
        CustomerDirectoryRequest.Report report = new CustomerDirectoryRequest.Report(customer -> {
            if (!sent.isEmpty()) {
                throw new ReplyAbandonedException("client gone");
            }
            sent.add(customer);
        });
        CustomerDirectoryReply reply = answer("eachCustomer", args -> {
            @SuppressWarnings("unchecked")
            Predicate<CustomerView> each = (Predicate<CustomerView>) args[0];
            continued.add(each.test(new CustomerView("Ann", "", "", "")));
            continued.add(each.test(new CustomerView("Bob", "", "", "")));
            return 2L;
        }, report);
        assertEquals(new CustomerDirectoryReply.ReportComplete(), reply);
        assertEquals(List.of(new CustomerDirectoryReply.Customer("Ann", "", "", "")), sent);
        assertEquals(List.of(true, false), continued);
    }

    @Test
    void exportAnswersExported() {
        assertEquals(new CustomerDirectoryReply.Exported(), answer("export", args -> null, new CustomerDirectoryRequest.Export()));
    }

    @Test
    void anExportFileThatCannotBeWrittenIsTheServerErrorNotAFailureThrownToTheAdapter() {
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(CustomerDirectoryMdb.class.getName());
        log.addHandler(handler);
        try {
            exportFailsTwiceThenWorks();
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(List.of("WARNING", "INFO"), logged.stream().map(r -> r.getLevel().getName()).toList(),
                "the failure said once, then its end");
    }

    private static void exportFailsTwiceThenWorks() {
        assertEquals(new CustomerDirectoryReply.ServerError(),
                answer("export", fail(new IOException("No space left on device")), new CustomerDirectoryRequest.Export()));
        assertEquals(new CustomerDirectoryReply.ServerError(),
                answer("export", fail(new IOException("No space left on device")), new CustomerDirectoryRequest.Export()));
        assertEquals(new CustomerDirectoryReply.Exported(), answer("export", args -> null, new CustomerDirectoryRequest.Export()));
    }

    @Test
    void whileTheDatabaseIsDownEveryRequestIsAServerErrorWithoutCallingTheService() {
        CustomerDirectoryMdb mdb = BeanStubs.inject(new CustomerDirectoryMdb(),
                stub(CustomerDirectoryService.class, "none", args -> null), BeanStubs.DOWN);
        assertEquals(new CustomerDirectoryReply.ServerError(), mdb.onRequest(new CustomerDirectoryRequest.Find("Ann")));
    }

    @Test
    void anOutageDuringTheCallIsAServerErrorAndAnyOtherFailureIsThrownToTheAdapter() {
        assertEquals(new CustomerDirectoryReply.ServerError(), answer("find", fail(BeanStubs.connectionLost()), new CustomerDirectoryRequest.Find("Ann")));
        IllegalStateException bug = new IllegalStateException("a bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> answer("find", fail(bug), new CustomerDirectoryRequest.Find("Ann"))));
    }

    private static CustomerDirectoryReply answer(String method, BeanStubs.Answer answer, CustomerDirectoryRequest request) {
        return mdb(method, answer, BeanStubs.UP).onRequest(request);
    }

    private static CustomerDirectoryMdb mdb(String method, BeanStubs.Answer answer, DatabaseAvailability database) {
        return BeanStubs.inject(new CustomerDirectoryMdb(), stub(CustomerDirectoryService.class, method, answer), database);
    }

    private static BeanStubs.Answer fail(Throwable failure) {
        return args -> {
            throw failure;
        };
    }
}
