package dev.portico.jca.transport;

import dev.portico.jca.api.FeatherBaseCommand;
import dev.portico.jca.api.FeatherBaseReply;
import dev.portico.jca.api.FeatherBaseReply.Word;
import dev.portico.jca.api.FeatherBaseRequest;
import dev.portico.jca.codec.FeatherBaseSession;
import dev.portico.jca.codec.WireText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import static dev.portico.jca.transport.LoopbackClient.readExactly;
import static dev.portico.jca.transport.LoopbackClient.readToEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FeatherBase end to end over a real loopback {@link SocketListener}, with the real codec and an
 * in-memory handler. Wire strings are written as in the protocol document: {@code \xNN} is the byte NN.
 */
class FeatherBaseOverSocketTest {

    /** The address the listener reports for the test's loopback clients: requests carry it. */
    private static final String CLIENT = LoopbackClient.LOOPBACK.getHostAddress();

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int LIMIT = 64;
    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    private static final Duration LONG_IDLE = Duration.ofSeconds(30);
    private static final String GREETING = "Connection accepted\n";

    private static final Logger LISTENER_LOG = Logger.getLogger(SocketListener.class.getName());

    static {
        LISTENER_LOG.setLevel(Level.WARNING);
    }

    private final ListenerBench bench = new ListenerBench();
    private final InMemoryFeatherBase featherBase = new InMemoryFeatherBase();

    @AfterEach
    void tearDown() throws InterruptedException {
        bench.close();
    }

    @Test
    void aClientThatSendsButNeverReadsIsHeldBackInsteadOfQueuingRepliesWithoutBound() throws Exception {
        Socket client = connect(listener(false, LONG_IDLE)); // not cut off for taking nothing while the test watches
        byte[] emptyCommands = new byte[1 << 20];
        java.util.Arrays.fill(emptyCommands, (byte) 0x04);   // each is answered SYNTAXERROR\x04, 12 bytes
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 64; i++) {
                    client.getOutputStream().write(emptyCommands);
                    sent.addAndGet(emptyCommands.length);
                }
            } catch (java.io.IOException closed) {
                // the test closes the socket at the end
            }
        });
        writer.setDaemon(true);
        writer.start();
        writer.join(3000);
        assertTrue(writer.isAlive(), "64 MiB of commands were taken in without their 768 MiB of replies being read");
        long heldAt = sent.get();
        writer.join(1000);
        assertEquals(heldAt, sent.get(), "the server kept reading although nobody read its replies");
        client.close();
    }

    @Test
    void greetingArrivesBeforeTheClientSendsAnything() throws Exception {
        Socket client = connect(listener(false));

        assertEquals(GREETING, readExactly(client, GREETING.length()));
    }

    @Test
    void exampleSessionOfTheSpecSentInOneWriteGetsTheSpecsReplies() throws Exception {
        Socket client = connect(listener(false));

        send(client, "createdb\\x01shop\\x04\n"
                + "addtbl\\x01shop\\x01items\\x02sku\\x09name\\x09qty\\x04\n"
                + "addrow\\x01shop\\x01items\\x02A1\\x09Bolt\\x0940\\x04\n"
                + "getrow\\x01shop\\x01items\\x020\\x04\n"
                + "getcell\\x01shop\\x01items\\x020\\x09qty\\x04\n"
                + "owcell\\x01shop\\x01items\\x020\\x09qty\\x0539\\x04\n"
                + "getrow\\x01shop\\x01items\\x027\\x04\n"
                + "frobnicate\\x01\\x04\n");

        String expected = GREETING + "SUCCESS\\x04SUCCESS\\x04SUCCESS\\x04A1\\x09Bolt\\x0940\\x04"
                + "40\\x04SUCCESS\\x04INVALID\\x04SYNTAXERROR\\x04";
        assertEquals(text(wire(expected)), readWire(client, expected));
    }

    @Test
    void fiftyPipelinedAddrowAndGetrowPairsInOneWriteAreAnsweredInOrderOnOneConnection() throws Exception {
        Socket client = connect(listener(false));
        StringBuilder burst = new StringBuilder("createdb\\x01math\\x04\naddtbl\\x01math\\x01sq\\x02n\\x09square\\x04\n");
        StringBuilder expected = new StringBuilder(GREETING + "SUCCESS\\x04SUCCESS\\x04");
        for (int n = 0; n < 50; n++) {
            burst.append("addrow\\x01math\\x01sq\\x02").append(n).append("\\x09").append(n * n).append("\\x04\n");
            burst.append("getrow\\x01math\\x01sq\\x02").append(n).append("\\x04\r\n");
            expected.append("SUCCESS\\x04").append(n).append("\\x09").append(n * n).append("\\x04");
        }

        send(client, burst.toString());

        assertEquals(text(wire(expected.toString())), readWire(client, expected.toString()),
                "each getrow sees the row its addrow just added, so the commands ran in the order sent");
        assertEquals(102, featherBase.received.size());
    }

    @Test
    void echoStyleInputFollowedByHalfCloseGetsEveryReplyThenTheServerCloses() throws Exception {
        Socket client = connect(listener(false));

        send(client, "createdb\\x01shop\\x04\nfrobnicate\\x01\\x04\ncreatedb\\x01shop\\x04\ngetdbs\\x01\\x04\n");
        client.shutdownOutput();

        assertEquals(text(wire(GREETING + "SUCCESS\\x04SYNTAXERROR\\x04EXISTS\\x04shop\\x04")), readToEnd(client),
                "every reply arrives, then the server closes");
    }

    @Test
    void oversizedCommandIsAnsweredSyntaxErrorThenTheConnectionIsClosed() throws Exception {
        Socket client = connect(listener(false));

        send(client, "createdb\\x01ok\\x04\ncreatedb\\x01" + "x".repeat(LIMIT + 10) + "\\x04\ngetdbs\\x01\\x04\n");

        assertEquals(text(wire(GREETING + "SUCCESS\\x04SYNTAXERROR\\x04")), readToEnd(client));
        assertEquals(List.of(new FeatherBaseRequest(null, new FeatherBaseCommand.CreateDatabase("ok"), CLIENT)), featherBase.received,
                "nothing after the oversized command reaches the handler");
    }

    @Test
    void commandThatNeverEndsIsAnsweredSyntaxErrorOnTimeoutAndClosed() throws Exception {
        Socket client = connect(listener(false));

        send(client, "createdb\\x01ok\\x04createdb\\x01unfinish");

        assertEquals(text(wire(GREETING + "SUCCESS\\x04SYNTAXERROR\\x04")), readToEnd(client));
    }

    @Test
    void withAuthenticationRequiredPipelinedCommandsBeforeAndAfterAuthAreRefusedThenCarryTheUser() throws Exception {
        Socket client = connect(listener(true));

        send(client, "createdb\\x01early\\x04\n"
                + "auth\\x01bob\\x02wrong\\x04\n"
                + "getdbs\\x01\\x04\n"
                + "auth\\x01bob\\x02secret\\x04\n"
                + "createdb\\x01shop\\x04\n"
                + "getdbs\\x01\\x04\n");

        String expected = GREETING + "FAILURE\\x04FAILURE\\x04FAILURE\\x04SUCCESS\\x04SUCCESS\\x04shop\\x04";
        assertEquals(text(wire(expected)), readWire(client, expected));
        assertEquals(List.of(
                new FeatherBaseRequest(null, new FeatherBaseCommand.Authenticate("bob", "wrong"), CLIENT),
                new FeatherBaseRequest(null, new FeatherBaseCommand.Authenticate("bob", "secret"), CLIENT),
                new FeatherBaseRequest("bob", new FeatherBaseCommand.CreateDatabase("shop"), CLIENT),
                new FeatherBaseRequest("bob", new FeatherBaseCommand.ListDatabases(), CLIENT)), featherBase.received,
                "refused commands never reach the handler; after auth the user travels with each command");
    }

    @Test
    void authenticationOfOneConnectionDoesNotCarryOverToTheNext() throws Exception {
        SocketListener<?, ?> listener = listener(true);
        Socket first = connect(listener);
        send(first, "auth\\x01bob\\x02secret\\x04getdbs\\x01\\x04");
        assertEquals(text(wire(GREETING + "SUCCESS\\x04NOTFOUND\\x04")), readWire(first, GREETING + "SUCCESS\\x04NOTFOUND\\x04"));

        Socket second = connect(listener);
        send(second, "getdbs\\x01\\x04");

        assertEquals(text(wire(GREETING + "FAILURE\\x04")), readWire(second, GREETING + "FAILURE\\x04"));
    }

    @Test
    void threeFailedAuthsAreAnsweredFailureAndThenTheServerClosesTheConnection() throws Exception {
        Socket client = connect(listener(true));

        send(client, "auth\\x01bob\\x02one\\x04auth\\x01bob\\x02two\\x04auth\\x01bob\\x02three\\x04"
                + "auth\\x01bob\\x02secret\\x04getdbs\\x01\\x04");

        assertEquals(text(wire(GREETING + "FAILURE\\x04FAILURE\\x04FAILURE\\x04")), readToEnd(client));
        assertEquals(3, featherBase.received.size(), "nothing after the third failure reaches the handler");
    }

    @Test
    void aFailedSecondAuthLeavesTheConnectionUnauthenticated() throws Exception {
        Socket client = connect(listener(true));

        send(client, "auth\\x01bob\\x02secret\\x04createdb\\x01shop\\x04auth\\x01bob\\x02wrong\\x04getdbs\\x01\\x04");

        String expected = GREETING + "SUCCESS\\x04SUCCESS\\x04FAILURE\\x04FAILURE\\x04";
        assertEquals(text(wire(expected)), readWire(client, expected));
        assertEquals(List.of(
                new FeatherBaseRequest(null, new FeatherBaseCommand.Authenticate("bob", "secret"), CLIENT),
                new FeatherBaseRequest("bob", new FeatherBaseCommand.CreateDatabase("shop"), CLIENT),
                new FeatherBaseRequest(null, new FeatherBaseCommand.Authenticate("bob", "wrong"), CLIENT)), featherBase.received,
                "the getdbs after the failed auth is refused without reaching the handler");
    }

    // ---- the in-memory FeatherBase the listener talks to ------------------------------------------

    /** Just enough of FeatherBase for these tests: databases, tables, rows and cells in maps; user bob/secret. */
    private static final class InMemoryFeatherBase implements RequestHandler<FeatherBaseRequest, FeatherBaseReply> {

        private record Table(List<String> columns, List<List<String>> rows) { }

        private final Map<String, Map<String, Table>> databases = new LinkedHashMap<>();
        final List<FeatherBaseRequest> received = new CopyOnWriteArrayList<>();

        @Override
        public synchronized FeatherBaseReply handle(FeatherBaseRequest request) {
            received.add(request);
            FeatherBaseCommand command = request.command();
            if (command instanceof FeatherBaseCommand.Authenticate c) {
                return c.user().equals("bob") && c.password().equals("secret") ? new FeatherBaseReply.Authenticated("bob") : status(Word.FAILURE);
            } else if (command instanceof FeatherBaseCommand.CreateDatabase c) {
                return databases.putIfAbsent(c.database(), new LinkedHashMap<>()) == null ? status(Word.SUCCESS) : status(Word.EXISTS);
            } else if (command instanceof FeatherBaseCommand.ListDatabases) {
                return databases.isEmpty() ? status(Word.NOTFOUND) : new FeatherBaseReply.Values(List.copyOf(databases.keySet()));
            } else if (command instanceof FeatherBaseCommand.AddTable c) {
                databases.get(c.database()).put(c.table(), new Table(c.columns(), new ArrayList<>()));
                return status(Word.SUCCESS);
            } else if (command instanceof FeatherBaseCommand.AddRow c) {
                table(c.database(), c.table()).rows().add(new ArrayList<>(c.values()));
                return status(Word.SUCCESS);
            } else if (command instanceof FeatherBaseCommand.GetRow c) {
                List<List<String>> rows = table(c.database(), c.table()).rows();
                return c.row() < rows.size() ? new FeatherBaseReply.Values(rows.get((int) c.row())) : status(Word.INVALID);
            } else if (command instanceof FeatherBaseCommand.GetCell c) {
                Table t = table(c.database(), c.table());
                return new FeatherBaseReply.Values(List.of(t.rows().get((int) c.row()).get(t.columns().indexOf(c.column()))));
            } else if (command instanceof FeatherBaseCommand.OverwriteCell c) {
                Table t = table(c.database(), c.table());
                t.rows().get((int) c.row()).set(t.columns().indexOf(c.column()), c.value());
                return status(Word.SUCCESS);
            }
            throw new UnsupportedOperationException("not needed by these tests: " + command);
        }

        private Table table(String database, String table) {
            return databases.get(database).get(table);
        }

        private static FeatherBaseReply status(Word word) {
            return FeatherBaseReply.status(word);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private SocketListener<FeatherBaseRequest, FeatherBaseReply> listener(boolean authenticationRequired) throws IOException {
        return listener(authenticationRequired, READ_TIMEOUT);
    }

    /** A listener whose replies may wait {@code writeTimeout} for a client that takes nothing before it is cut off. */
    private SocketListener<FeatherBaseRequest, FeatherBaseReply> listener(boolean authenticationRequired, Duration writeTimeout) throws IOException {
        ListenerSettings settings = new ListenerSettings("featherbase-test", new InetSocketAddress(LOOPBACK, 0),
                4, LIMIT, READ_TIMEOUT, LONG_IDLE, 4, LONG_IDLE, writeTimeout);
        SocketListener<FeatherBaseRequest, FeatherBaseReply> listener = new SocketListener<>(settings,
                () -> FeatherBaseSession.codec(LIMIT, authenticationRequired), featherBase, bench.executor);
        return bench.started(listener);
    }


    /** Sends a wire string in one write. */
    private static void send(Socket client, String wireText) throws IOException {
        LoopbackClient.send(client, wire(wireText));
    }

    /** As many bytes as the expected wire string has; the connection stays open. */
    private static String readWire(Socket client, String expectedWire) throws IOException {
        return readExactly(client, wire(expectedWire).length);
    }



    private Socket connect(SocketListener<?, ?> listener) throws IOException {
        return bench.connect(listener);
    }

    private static byte[] wire(String text) {
        return WireText.bytes(text);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
