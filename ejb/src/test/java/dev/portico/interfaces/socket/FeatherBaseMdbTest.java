package dev.portico.interfaces.socket;

import dev.portico.application.FeatherBaseService;
import dev.portico.domain.featherbase.FbRowStore;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import dev.portico.domain.featherbase.FeatherBaseRefusal.Reason;
import dev.portico.jca.api.FeatherBaseCommand;
import dev.portico.jca.api.FeatherBaseReply;
import dev.portico.jca.api.FeatherBaseReply.Word;
import dev.portico.jca.api.FeatherBaseRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.portico.interfaces.socket.BeanStubs.stub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What each outcome of the FeatherBase service becomes on the wire: a status word, values, or a login. */
class FeatherBaseMdbTest {

    private static final FeatherBaseCommand CREATE = new FeatherBaseCommand.CreateDatabase("db");

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of(CREATE, "createDatabase"),
                Arguments.of(new FeatherBaseCommand.DeleteDatabase("db"), "deleteDatabase"),
                Arguments.of(new FeatherBaseCommand.RenameDatabase("db", "db2"), "renameDatabase"),
                Arguments.of(new FeatherBaseCommand.AddTable("db", "t", List.of("a")), "addTable"),
                Arguments.of(new FeatherBaseCommand.DeleteTable("db", "t"), "deleteTable"),
                Arguments.of(new FeatherBaseCommand.RenameTable("db", "t", "t2"), "renameTable"),
                Arguments.of(new FeatherBaseCommand.AddColumn("db", "t", "c"), "addColumn"),
                Arguments.of(new FeatherBaseCommand.DeleteColumn("db", "t", "c"), "deleteColumn"),
                Arguments.of(new FeatherBaseCommand.RenameColumn("db", "t", "c", "c2"), "renameColumn"),
                Arguments.of(new FeatherBaseCommand.AddRow("db", "t", List.of("1")), "addRow"),
                Arguments.of(new FeatherBaseCommand.OverwriteRow("db", "t", 1, List.of("1")), "overwriteRow"),
                Arguments.of(new FeatherBaseCommand.OverwriteCell("db", "t", 1, "c", "1"), "overwriteCell"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("changes")
    void aChangeThatTheServiceMadeAnswersSuccessForTheRequestsUser(FeatherBaseCommand command, String method) {
        FeatherBaseReply reply = answer(method, args -> {
            assertEquals("alice", args[0], "the logged-in user is passed on");
            return method.equals("addRow") ? 1L : null;
        }, command);
        assertEquals(FeatherBaseReply.status(Word.SUCCESS), reply);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NOT_FOUND, NOTFOUND", "EXISTS, EXISTS", "INVALID, INVALID", "FORBIDDEN, FAILURE"})
    void eachRefusalIsItsStatusWord(Reason reason, Word word) {
        assertEquals(FeatherBaseReply.status(word), answer("createDatabase", args -> {
            throw new FeatherBaseRefusal(reason, "refused");
        }, CREATE));
    }

    @Test
    void readsAnswerTheirValues() {
        assertEquals(new FeatherBaseReply.Values(List.of("1", "x")), answer("getRow", args -> List.of("1", "x"), new FeatherBaseCommand.GetRow("db", "t", 1)));
        assertEquals(new FeatherBaseReply.Values(List.of("x")), answer("getCell", args -> "x", new FeatherBaseCommand.GetCell("db", "t", 1, "c")));
        assertEquals(new FeatherBaseReply.Values(List.of("db")), answer("listDatabases", args -> List.of("db"), new FeatherBaseCommand.ListDatabases()));
        assertEquals(new FeatherBaseReply.Values(List.of()), answer("listTables", args -> List.of(), new FeatherBaseCommand.ListTables("db")));
    }

    @Test
    void aGoodLoginAnswersAuthenticatedAndABadOneFailure() {
        FeatherBaseCommand auth = new FeatherBaseCommand.Authenticate("bob", "pw");
        assertEquals(new FeatherBaseReply.Authenticated("bob"), answer("authenticate", args -> {
            assertEquals(List.of("bob", "pw", "10.0.0.1"), List.of(args));
            return true;
        }, auth));
        assertEquals(FeatherBaseReply.status(Word.FAILURE), answer("authenticate", args -> false, auth));
    }

    @Test
    void whileTheDatabaseIsDownEveryCommandFailsWithoutCallingTheService() {
        FeatherBaseMdb mdb = BeanStubs.inject(new FeatherBaseMdb(), stub(FeatherBaseService.class, "none", args -> null), BeanStubs.DOWN);
        assertEquals(FeatherBaseReply.status(Word.FAILURE), mdb.onCommand(new FeatherBaseRequest("alice", CREATE, "10.0.0.1")));
    }

    @Test
    void anOutageDuringTheCommandIsFailureAndAnyOtherFailureIsThrownToTheAdapter() {
        assertEquals(FeatherBaseReply.status(Word.FAILURE), answer("createDatabase", args -> {
            throw BeanStubs.connectionLost();
        }, CREATE));
        IllegalStateException bug = new IllegalStateException("a bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> answer("createDatabase", args -> {
            throw bug;
        }, CREATE)));
    }

    @Test
    void readsTogetherAreOneServiceCallAndEachGetsItsValuesOrItsStatusWord() {
        List<FeatherBaseRequest> requests = List.of(
                new FeatherBaseRequest("alice", new FeatherBaseCommand.GetRow("db", "t", 1), "10.0.0.1"),
                new FeatherBaseRequest("bob", new FeatherBaseCommand.GetCell("db2", "u", 2, "c"), "10.0.0.2"),
                new FeatherBaseRequest(null, new FeatherBaseCommand.GetRow("db", "t", 9), "10.0.0.3"));
        int[] calls = new int[1];
        FeatherBaseMdb mdb = BeanStubs.inject(new FeatherBaseMdb(), stub(FeatherBaseService.class, "read", args -> {
            calls[0]++;
            assertEquals(List.of(new FbRowStore.Read("alice", "db", "t", 1, null), new FbRowStore.Read("bob", "db2", "u", 2, "c"),
                    new FbRowStore.Read(null, "db", "t", 9, null)), args[0], "each read with its connection's user");
            return List.of(new FeatherBaseService.ReadAnswer(List.of("1", "x"), null),
                    new FeatherBaseService.ReadAnswer(List.of("y"), null),
                    new FeatherBaseService.ReadAnswer(null, new FeatherBaseRefusal(Reason.INVALID, "no row 9")));
        }), BeanStubs.UP);

        assertEquals(List.of(new FeatherBaseReply.Values(List.of("1", "x")), new FeatherBaseReply.Values(List.of("y")),
                FeatherBaseReply.status(Word.INVALID)), mdb.onCommands(requests));
        assertEquals(1, calls[0]);
    }

    @Test
    void readsTogetherFailWhileTheDatabaseIsDownOrGoesAwayAndAnyOtherFailureIsThrown() {
        List<FeatherBaseRequest> two = List.of(new FeatherBaseRequest("a", new FeatherBaseCommand.GetRow("db", "t", 1), null),
                new FeatherBaseRequest("b", new FeatherBaseCommand.GetRow("db", "t", 2), null));
        List<FeatherBaseReply> failures = List.of(FeatherBaseReply.status(Word.FAILURE), FeatherBaseReply.status(Word.FAILURE));
        FeatherBaseMdb down = BeanStubs.inject(new FeatherBaseMdb(), stub(FeatherBaseService.class, "none", args -> null), BeanStubs.DOWN);
        assertEquals(failures, down.onCommands(two));
        FeatherBaseMdb lost = BeanStubs.inject(new FeatherBaseMdb(), stub(FeatherBaseService.class, "read", args -> {
            throw BeanStubs.connectionLost();
        }), BeanStubs.UP);
        assertEquals(failures, lost.onCommands(two));
        IllegalStateException bug = new IllegalStateException("a bug");
        FeatherBaseMdb buggy = BeanStubs.inject(new FeatherBaseMdb(), stub(FeatherBaseService.class, "read", args -> {
            throw bug;
        }), BeanStubs.UP);
        assertSame(bug, assertThrows(IllegalStateException.class, () -> buggy.onCommands(two)));
    }

    @Test
    void commandsTogetherThatAreNotAllReadsAreEachAnsweredOnTheirOwn() {
        FeatherBaseService service = (FeatherBaseService) java.lang.reflect.Proxy.newProxyInstance(FeatherBaseService.class.getClassLoader(),
                new Class<?>[] {FeatherBaseService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRow" -> List.of("r" + args[3]);
                    case "listDatabases" -> List.of("db");
                    default -> throw new AssertionError("unexpected call " + method.getName());
                });
        FeatherBaseMdb mdb = BeanStubs.inject(new FeatherBaseMdb(), service, BeanStubs.UP);
        assertEquals(List.of(new FeatherBaseReply.Values(List.of("r4")), new FeatherBaseReply.Values(List.of("db"))), mdb.onCommands(List.of(
                new FeatherBaseRequest("a", new FeatherBaseCommand.GetRow("db", "t", 4), null),
                new FeatherBaseRequest("a", new FeatherBaseCommand.ListDatabases(), null))));
    }

    private static FeatherBaseReply answer(String method, BeanStubs.Answer answer, FeatherBaseCommand command) {
        FeatherBaseMdb mdb = BeanStubs.inject(new FeatherBaseMdb(), stub(FeatherBaseService.class, method, answer), BeanStubs.UP);
        return mdb.onCommand(new FeatherBaseRequest("alice", command, "10.0.0.1"));
    }
}
