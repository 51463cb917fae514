package dev.portico.interfaces.socket;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.CustomerView;
import dev.portico.application.DatabaseAvailability;
import dev.portico.domain.customer.CustomerNotFoundException;
import dev.portico.domain.customer.CustomerProblem;
import dev.portico.domain.customer.DuplicateCustomerException;
import dev.portico.domain.customer.InvalidCustomerException;
import dev.portico.jca.api.CustomerDirectoryListener;
import dev.portico.jca.api.CustomerDirectoryReply;
import dev.portico.jca.api.CustomerDirectoryReply.Field;
import dev.portico.jca.api.CustomerDirectoryReply.Operation;
import dev.portico.jca.api.CustomerDirectoryRequest;
import dev.portico.jca.api.ReplyAbandonedException;
import dev.portico.jca.api.ReplyStream;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
/**
 * The customer directory listener (port 9999 by default; see server.xml). Each request is one
 * service call in its own transaction, committed before this bean returns the reply; the report
 * is streamed to the client from a database cursor while it is read. While the database is
 * unreachable every request gets {@code Server error occurred} at once.
 */
@MessageDriven(messageListenerInterface = CustomerDirectoryListener.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustomerDirectoryMdb implements CustomerDirectoryListener {

    private static final CustomerDirectoryReply SERVER_ERROR = new CustomerDirectoryReply.ServerError();
    private static final Logger LOG = Logger.getLogger(CustomerDirectoryMdb.class.getName());
    /** Whether the last export failed: its failure is logged once, and its recovery. */
    private static final AtomicBoolean EXPORT_FAILING = new AtomicBoolean();

    @EJB
    private CustomerDirectoryService directory;

    @EJB
    private DatabaseAvailability database;

    private final KeptAvailabilityCheck available = new KeptAvailabilityCheck();

    @Override
    public CustomerDirectoryReply onRequest(CustomerDirectoryRequest request) {
        try {
            // A report streams as it reads: it is never run twice (its reads take no locks to lose).
            return request instanceof CustomerDirectoryRequest.Report ? available.once(database, () -> answer(request), SERVER_ERROR)
                    : available.retried(database, () -> answer(request), SERVER_ERROR);
        } catch (IOException e) {
            // The export file cannot be written (a directory that is not writable, a full disk): every command 8 until
            // it can is answered with the server error, and said once in the log, not with a stack trace per command.
            if (EXPORT_FAILING.compareAndSet(false, true)) {
                LOG.warning("The customer export file cannot be written (" + e.getMessage() + "); command 8 answers '"
                        + "Server error occurred' until it can (portico.customer.exportFile)");
            }
            return SERVER_ERROR;
        }
    }

    private CustomerDirectoryReply answer(CustomerDirectoryRequest request) throws IOException {
        if (request instanceof CustomerDirectoryRequest.Find find) {
            return directory.find(find.name()).<CustomerDirectoryReply>map(CustomerDirectoryMdb::customer)
                    .orElse(new CustomerDirectoryReply.NotFound(find.name()));
        } else if (request instanceof CustomerDirectoryRequest.Add add) {
            return add(add);
        } else if (request instanceof CustomerDirectoryRequest.Delete delete) {
            return delete(delete.name());
        } else if (request instanceof CustomerDirectoryRequest.UpdateAge update) {
            return updateAge(update);
        } else if (request instanceof CustomerDirectoryRequest.UpdateAddress update) {
            try {
                directory.updateAddress(update.name(), update.address());
                return new CustomerDirectoryReply.Updated(update.name(), Field.ADDRESS);
            } catch (CustomerNotFoundException e) {
                return new CustomerDirectoryReply.NotFound(update.name());
            } catch (InvalidCustomerException e) {
                return new CustomerDirectoryReply.Skipped(Operation.UPDATE, e.problem().reason(), List.of(update.name(), update.address()));
            }
        } else if (request instanceof CustomerDirectoryRequest.UpdatePhone update) {
            return updatePhone(update);
        } else if (request instanceof CustomerDirectoryRequest.Report report) {
            directory.eachCustomer(customer -> send(report.customers(), customer));
            return new CustomerDirectoryReply.ReportComplete();
        } else {
            directory.export();
            if (EXPORT_FAILING.compareAndSet(true, false)) {
                LOG.info("The customer export file is written again");
            }
            return new CustomerDirectoryReply.Exported();
        }
    }

    private CustomerDirectoryReply add(CustomerDirectoryRequest.Add add) {
        try {
            directory.addCommitted(add.name(), add.age(), add.address(), add.phone());
            return new CustomerDirectoryReply.Added(add.line());
        } catch (DuplicateCustomerException e) {
            return new CustomerDirectoryReply.AlreadyStored(add.name());
        } catch (InvalidCustomerException e) {
            List<String> detail = e.problem() == CustomerProblem.EMPTY_NAME || e.problem() == CustomerProblem.LINE_BREAK
                    ? List.of(add.name(), add.age(), add.address(), add.phone())
                    : List.of(e.value());
            return new CustomerDirectoryReply.Skipped(Operation.ADDING, e.problem().reason(), detail);
        }
    }

    private CustomerDirectoryReply delete(String name) {
        try {
            directory.delete(name);
            return new CustomerDirectoryReply.Deleted(name);
        } catch (InvalidCustomerException e) {
            return new CustomerDirectoryReply.NameEmpty();
        } catch (CustomerNotFoundException e) {
            return new CustomerDirectoryReply.NotFoundToDelete(name);
        }
    }

    private CustomerDirectoryReply updateAge(CustomerDirectoryRequest.UpdateAge update) {
        try {
            directory.updateAge(update.name(), update.age());
            return new CustomerDirectoryReply.Updated(update.name(), Field.AGE);
        } catch (CustomerNotFoundException e) {
            return new CustomerDirectoryReply.NotFound(update.name());
        } catch (InvalidCustomerException e) {
            List<String> detail = e.problem() == CustomerProblem.AGE_NOT_A_NUMBER ? List.of(update.name(), update.age()) : List.of(e.value());
            return new CustomerDirectoryReply.Skipped(Operation.UPDATE, e.problem().reason(), detail);
        }
    }

    private CustomerDirectoryReply updatePhone(CustomerDirectoryRequest.UpdatePhone update) {
        try {
            directory.updatePhone(update.name(), update.phone());
            return new CustomerDirectoryReply.Updated(update.name(), Field.PHONE);
        } catch (CustomerNotFoundException e) {
            return new CustomerDirectoryReply.NotFound(update.name());
        } catch (InvalidCustomerException e) {
            return new CustomerDirectoryReply.Skipped(Operation.ADDING, e.problem().reason(), List.of(e.value()));
        }
    }

    /** Streams one customer of the report; false (stop reading) once the client is gone. */
    private static boolean send(ReplyStream<CustomerDirectoryReply.Customer> report, CustomerView customer) {
        try {
            report.send(customer(customer));
            return true;
        } catch (ReplyAbandonedException e) {
            return false;
        }
    }

    private static CustomerDirectoryReply.Customer customer(CustomerView view) {
        return new CustomerDirectoryReply.Customer(view.name(), view.age(), view.address(), view.phone());
    }
}
