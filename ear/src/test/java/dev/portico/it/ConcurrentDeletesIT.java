package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients racing to delete (or rename) one record over the real sockets and HTTP: exactly one is told
 * it succeeded, every other gets the protocol's not-found reply.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentDeletesIT {

    private static final int CLIENTS = 20;
    private static final int ROUNDS = 3;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void emptyStores() throws Exception {
        TestDatabase.clearCustomers();
        TestDatabase.clearFeatherBase();
    }

    @Test
    void twentyClientsDeletingOneCustomerAtOnceAreToldDeletedExactlyOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String name = "Doomed" + round;
            assertTrue(CustomerDirectoryClient.ask("2|" + name + "|40|Street|514-0000\n").endsWith(" added to the database"));
            List<String> replies = race(i -> CustomerDirectoryClient.ask("3|" + name + "\n"));
            assertEquals(1, replies.stream().filter(r -> r.equals(name + " deleted from the database")).count(), replies.toString());
            assertEquals(CLIENTS - 1, replies.stream().filter(r -> r.equals(name + " is not found in the database")).count(), replies.toString());
            assertEquals(0, TestDatabase.countCustomers());
        }
    }

    @Test
    void twentyConnectionsDeletingOneTableAtOnceGetOneSuccessAndNotFoundForTheRest() throws Exception {
        ask("createdb|shop");
        for (int round = 0; round < ROUNDS; round++) {
            String table = "t" + round;
            assertEquals("SUCCESS", ask("addtbl|shop|" + table + ">a,b"));
            assertEquals("SUCCESS", ask("addrow|shop|" + table + ">1,2"));
            List<String> replies = raceCommands(i -> "deltbl|shop>" + table);
            assertOneSuccess(replies, "NOTFOUND");
            assertEquals("", ask("gettbls|shop"));
        }
    }

    @Test
    void twentyConnectionsDeletingOneDatabaseAtOnceGetOneSuccessAndNotFoundForTheRest() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String database = "db" + round;
            assertEquals("SUCCESS", ask("createdb|" + database));
            assertEquals("SUCCESS", ask("addtbl|" + database + "|t>a"));
            List<String> replies = raceCommands(i -> "deldb|" + database);
            assertOneSuccess(replies, "NOTFOUND");
            assertEquals("NOTFOUND", ask("getdbs|"));
        }
    }

    @Test
    void twentyConnectionsDeletingOneColumnAtOnceGetOneSuccessAndInvalidForTheRest() throws Exception {
        ask("createdb|shop");
        for (int round = 0; round < ROUNDS; round++) {
            String table = "t" + round;
            assertEquals("SUCCESS", ask("addtbl|shop|" + table + ">keep,doomed,last"));
            assertEquals("SUCCESS", ask("addrow|shop|" + table + ">k,d,l"));
            List<String> replies = raceCommands(i -> "delcol|shop|" + table + ">doomed");
            assertOneSuccess(replies, "INVALID");
            assertEquals("k,l".replace(',', '\t'), ask("getrow|shop|" + table + ">0"));
            assertEquals("l", ask("getcell|shop|" + table + ">0,last"));
        }
    }

    @Test
    void renamesRacingDeletesOfOneTableLetExactlyOneSucceed() throws Exception {
        ask("createdb|shop");
        for (int round = 0; round < ROUNDS; round++) {
            String table = "t" + round;
            assertEquals("SUCCESS", ask("addtbl|shop|" + table + ">a"));
            List<String> replies = raceCommands(i -> i % 2 == 0 ? "deltbl|shop>" + table : "renametbl|shop|" + table + ">" + table + "r" + i);
            assertOneSuccess(replies, "NOTFOUND");
            int winner = replies.indexOf("SUCCESS");
            assertEquals(winner % 2 == 0 ? "" : table + "r" + winner, ask("gettbls|shop"));
            ask("deltbl|shop>" + table + "r" + winner);
        }
    }

    @Test
    void renamesRacingDeletesOfOneDatabaseLetExactlyOneSucceed() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String database = "db" + round;
            assertEquals("SUCCESS", ask("createdb|" + database));
            List<String> replies = raceCommands(i -> i % 2 == 0 ? "deldb|" + database : "renamedb|" + database + ">" + database + "r" + i);
            assertOneSuccess(replies, "NOTFOUND");
            int winner = replies.indexOf("SUCCESS");
            assertEquals(winner % 2 == 0 ? "NOTFOUND" : database + "r" + winner, ask("getdbs|"));
            ask("deldb|" + database + "r" + winner);
        }
    }

    @Test
    void renamesRacingDeletesOfOneColumnLetExactlyOneSucceed() throws Exception {
        ask("createdb|shop");
        for (int round = 0; round < ROUNDS; round++) {
            String table = "t" + round;
            assertEquals("SUCCESS", ask("addtbl|shop|" + table + ">keep,c"));
            List<String> replies = raceCommands(i -> i % 2 == 0 ? "delcol|shop|" + table + ">c" : "renamecol|shop|" + table + ">c,c" + i);
            assertOneSuccess(replies, "INVALID");
            int winner = replies.indexOf("SUCCESS");
            assertEquals("SUCCESS", ask("addrow|shop|" + table + ">" + (winner % 2 == 0 ? "k" : "k,v")));
            if (winner % 2 != 0) {
                assertEquals("v", ask("getcell|shop|" + table + ">0,c" + winner));
            }
        }
    }

    @Test
    void twentyHttpDeletesOfOneFeatherBaseUserAnswerNoContentOnceAndNotFoundForTheRest() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String user = "doomed" + round;
            assertEquals(204, Http.put("/api/featherbase/users/" + user, "application/json", "{\"password\":\"pw\"}").statusCode());
            List<Integer> statuses = race(i -> Http.send(Http.asAdmin("/api/featherbase/users/" + user).DELETE()).statusCode());
            assertNoContentOnceAndNotFoundForTheRest(statuses);
        }
    }

    @Test
    void twentyHttpRevokesOfOneGrantAnswerNoContentOnceAndNotFoundForTheRest() throws Exception {
        assertEquals(204, Http.put("/api/featherbase/users/alice", "application/json", "{\"password\":\"pw\"}").statusCode());
        for (int round = 0; round < ROUNDS; round++) {
            String database = "db" + round;
            assertEquals(204, Http.put("/api/featherbase/users/alice/grants/" + database, "application/json", "").statusCode());
            List<Integer> statuses = race(i -> Http.send(Http.asAdmin("/api/featherbase/users/alice/grants/" + database).DELETE()).statusCode());
            assertNoContentOnceAndNotFoundForTheRest(statuses);
        }
    }

    private static void assertNoContentOnceAndNotFoundForTheRest(List<Integer> statuses) {
        assertEquals(1, statuses.stream().filter(s -> s == 204).count(), statuses.toString());
        assertEquals(CLIENTS - 1, statuses.stream().filter(s -> s == 404).count(), statuses.toString());
    }

    private static void assertOneSuccess(List<String> replies, String notFound) {
        assertEquals(1, replies.stream().filter("SUCCESS"::equals).count(), replies.toString());
        assertEquals(CLIENTS - 1, replies.stream().filter(notFound::equals).count(), replies.toString());
    }

    /** Sends command {@code i} on connection {@code i}, all opened first and released at the same moment; the replies in order. */
    private static List<String> raceCommands(IntFunction<String> commands) throws Exception {
        List<FeatherBaseClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(new FeatherBaseClient());
            }
            return race(i -> clients.get(i).ask(commands.apply(i)));
        } finally {
            for (FeatherBaseClient client : clients) {
                client.close();
            }
        }
    }

    /** One FeatherBase command on a connection of its own. */
    private static String ask(String command) throws Exception {
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            return client.ask(command);
        }
    }

    /** Runs task {@code i} for each client {@code i}, all released at the same moment; the results in client order. */
    private static <T> List<T> race(Concurrently.Task<T> task) throws Exception {
        return Concurrently.run(CLIENTS, Duration.ofSeconds(60), task);
    }
}
