package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many customer directory clients at once against the deployed EAR: nothing lost, names stay unique. */
@ExtendWith(ArquillianExtension.class)
class CustomerDirectoryConcurrencyIT {

    private static final int CLIENTS = 50;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void fiftyClientsAddingDifferentCustomersAtOnceAreAllStored() throws Exception {
        TestDatabase.clearCustomers();
        List<String> replies = concurrently(i -> "2|Client" + i + "|" + (i + 1) + "|Street " + i + "|514-" + String.format("%04d", i) + "\n");
        for (int i = 0; i < CLIENTS; i++) {
            String line = "2|Client" + i + "|" + (i + 1) + "|Street " + i + "|514-" + String.format("%04d", i);
            assertEquals(line + " added to the database", replies.get(i));
        }
        assertEquals(CLIENTS, TestDatabase.countCustomers());
        for (int i = 0; i < CLIENTS; i++) {
            assertEquals("Client" + i + "|" + (i + 1) + "|Street " + i + "|514-" + String.format("%04d", i),
                    CustomerDirectoryClient.ask("1|client" + i + "\n"));
        }
    }

    @Test
    void fiftyClientsAddingTheSameNameInDifferentCaseStoreItExactlyOnce() throws Exception {
        TestDatabase.clearCustomers();
        List<String> replies = concurrently(i -> "2|" + (i % 2 == 0 ? "Twin" : "tWIN") + "|" + (i + 1) + "||\n");
        long added = replies.stream().filter(r -> r.endsWith(" added to the database")).count();
        long refused = replies.stream().filter(r -> r.equals("Twin already stored in the database") || r.equals("tWIN already stored in the database")).count();
        assertEquals(1, added, replies.toString());
        assertEquals(CLIENTS - 1, refused, replies.toString());
        assertEquals(1, TestDatabase.storedNames("twin").size());
    }

    /** Sends request {@code i} from client {@code i}, all released at the same moment; the replies in client order. */
    private static List<String> concurrently(IntFunction<String> requests) throws Exception {
        List<String> replies = Concurrently.run(CLIENTS, Duration.ofSeconds(60), i -> CustomerDirectoryClient.ask(requests.apply(i)));
        assertTrue(replies.stream().noneMatch(r -> r.contains("error")), replies.toString());
        return replies;
    }
}
