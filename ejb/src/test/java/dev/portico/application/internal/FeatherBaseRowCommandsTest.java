package dev.portico.application.internal;

import dev.portico.application.FeatherBaseService.ReadAnswer;
import dev.portico.domain.featherbase.FbRowStore;
import dev.portico.domain.featherbase.FbRowStore.Append;
import dev.portico.domain.featherbase.FbRowStore.Appended;
import dev.portico.domain.featherbase.FbRowStore.Read;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import dev.portico.domain.featherbase.FeatherBaseRefusal.Reason;
import dev.portico.domain.featherbase.FeatherBaseRepository;
import dev.portico.domain.featherbase.RowCells;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * getrow, getcell and addrow are one row-store call each (one statement per step, instead of the
 * three or more queries of the JPA repository; addrow through the group commit), and only a miss asks
 * the repository for the user's grants, to answer FAILURE (no grant) rather than NOTFOUND.
 */
class FeatherBaseRowCommandsTest {

    private static final List<Long> COLUMNS = List.of(11L, 12L, 13L);
    private static final String ROW_0 = RowCells.encode(COLUMNS, List.of("a0", "b0", "c0"));

    /** One table "d"."t" with columns 11, 12, 13 (c1, c2, c3) and row 0; user "ann" is granted "d", "bob" nothing. */
    private static final class OneTable implements FbRowStore {
        final List<String> appended = new ArrayList<>();
        int readAllCalls;

        private boolean visible(String user, String database, String table) {
            return database.equals("d") && table.equals("t") && (user == null || user.equals("ann"));
        }

        @Override
        public Optional<Found> row(String user, String database, String table, long row) {
            return visible(user, database, table) ? Optional.of(new Found(COLUMNS, row == 0 ? ROW_0 : null)) : Optional.empty();
        }

        @Override
        public Optional<Found> cell(String user, String database, String table, long row, String column) {
            List<Long> id = switch (column) {
                case "c1" -> List.of(11L);
                case "c3" -> List.of(13L);
                default -> List.of();
            };
            return visible(user, database, table) ? Optional.of(new Found(id, row == 0 ? ROW_0 : null)) : Optional.empty();
        }

        @Override
        public List<Optional<Found>> readAll(List<Read> reads) {
            readAllCalls++;
            return reads.stream().map(r -> r.column() == null ? row(r.user(), r.database(), r.table(), r.row())
                    : cell(r.user(), r.database(), r.table(), r.row(), r.column())).toList();
        }

        @Override
        public List<Appended> appendAll(List<Append> appends) {
            List<Appended> outcomes = new ArrayList<>();
            for (Append a : appends) {
                if (!visible(a.user(), a.database(), a.table())) {
                    outcomes.add(Appended.MISSING);
                    continue;
                }
                try {
                    appended.add(a.cells().encode(COLUMNS));
                    outcomes.add(Appended.stored(appended.size()));
                } catch (FeatherBaseRefusal refusal) {
                    outcomes.add(Appended.refused(refusal));
                }
            }
            return outcomes;
        }
    }

    /** A JPA repository that knows only grants, and fails the test on any other call. */
    private static FeatherBaseRepository grantsOnly() {
        Map<String, List<String>> grants = Map.of("ann", List.of("d"), "bob", List.of());
        return (FeatherBaseRepository) Proxy.newProxyInstance(FeatherBaseRepository.class.getClassLoader(),
                new Class<?>[] {FeatherBaseRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "grants" -> grants.getOrDefault((String) args[0], List.of());
                    default -> throw new AssertionError("a row command asked the JPA repository for " + method.getName());
                });
    }

    private static FeatherBaseRowCommands service(OneTable rows) throws ReflectiveOperationException {
        FeatherBaseRowCommands service = new FeatherBaseRowCommands();
        set(service, "store", grantsOnly());
        set(service, "limits", new FeatherBaseLimits(10, 10, 10, 10, 10, 40));
        set(service, "rows", rows);
        set(service, "groupCommit", new FeatherBaseGroupCommit().writeWith(rows::appendAll, FeatherBaseGroupCommitTest.reachable()));
        return service;
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = FeatherBaseRowCommands.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    /** The refusal's reason; every refusal of these commands leaves the (local) transaction alone. */
    private static Reason refusal(org.junit.jupiter.api.function.Executable command) {
        return assertThrows(FeatherBaseRefusal.Untransacted.class, command).reason();
    }

    @Test
    void getrowAndGetcellAnswerFromOneRowStoreRead() throws Exception {
        FeatherBaseRowCommands service = service(new OneTable());
        assertEquals(List.of("a0", "b0", "c0"), service.getRow(null, "d", "t", 0));
        assertEquals("c0", service.getCell("ann", "d", "t", 0, "c3"));
    }

    @Test
    void aMissingRowOrColumnIsInvalid() throws Exception {
        FeatherBaseRowCommands service = service(new OneTable());
        assertEquals(Reason.INVALID, refusal(() -> service.getRow(null, "d", "t", 1)));
        assertEquals(Reason.INVALID, refusal(() -> service.getCell(null, "d", "t", 1, "c1")));
        assertEquals(Reason.INVALID, refusal(() -> service.getCell(null, "d", "t", 0, "c9")));
    }

    @Test
    void aMissIsForbiddenForAUserWithoutTheGrantAndNotFoundOtherwise() throws Exception {
        FeatherBaseRowCommands service = service(new OneTable());
        assertEquals(Reason.FORBIDDEN, refusal(() -> service.getRow("bob", "d", "t", 0)));
        assertEquals(Reason.FORBIDDEN, refusal(() -> service.getCell("bob", "nodb", "t", 0, "c1")));
        assertEquals(Reason.FORBIDDEN, refusal(() -> service.addRow("bob", "d", "t", List.of("x", "y", "z"))));
        assertEquals(Reason.NOT_FOUND, refusal(() -> service.getRow("ann", "d", "nope", 0)));
        assertEquals(Reason.NOT_FOUND, refusal(() -> service.getRow(null, "nodb", "t", 0)));
        assertEquals(Reason.NOT_FOUND, refusal(() -> service.addRow(null, "d", "nope", List.of("x"))));
    }

    @Test
    void readsOfSeveralUsersAreAnsweredInOneRowStoreCallEachAsItsOwnCommandWouldBe() throws Exception {
        OneTable rows = new OneTable();
        FeatherBaseRowCommands service = service(rows);

        List<ReadAnswer> answers = service.read(List.of(
                new Read(null, "d", "t", 0, null),
                new Read("ann", "d", "t", 0, "c1"),
                new Read("ann", "d", "t", 1, null),
                new Read(null, "d", "t", 0, "c9"),
                new Read("bob", "d", "t", 0, null),
                new Read("ann", "d", "nope", 0, "c1")));

        assertEquals(1, rows.readAllCalls, "one call of the row store for all of them");
        assertEquals(List.of("a0", "b0", "c0"), answers.get(0).values());
        assertEquals(List.of("a0"), answers.get(1).values());
        List<Reason> refusals = answers.subList(2, 6).stream().map(a -> a.refusal().reason()).toList();
        assertEquals(List.of(Reason.INVALID, Reason.INVALID, Reason.FORBIDDEN, Reason.NOT_FOUND), refusals);
        assertTrue(answers.subList(2, 6).stream().allMatch(a -> a.values() == null), "a refused read has no values");
    }

    @Test
    void addrowStoresTheValuesByColumnIdAndRefusesAWrongCount() throws Exception {
        OneTable rows = new OneTable();
        FeatherBaseRowCommands service = service(rows);
        assertEquals(1, service.addRow("ann", "d", "t", List.of("x", "", "z")));
        assertEquals(List.of(RowCells.encode(COLUMNS, List.of("x", "", "z"))), rows.appended);
        assertEquals(Reason.INVALID, refusal(() -> service.addRow(null, "d", "t", List.of("x", "y"))));
        assertTrue(rows.appended.size() == 1, "a refused row is not stored");
    }

    @Test
    void addrowRefusesAValueASocketClientCouldNotReadBackBeforeItReachesTheGroupCommit() throws Exception {
        OneTable rows = new OneTable();
        FeatherBaseRowCommands service = service(rows);
        assertEquals(Reason.INVALID, refusal(() -> service.addRow(null, "d", "t", List.of("x", "a\u0004b", "z"))));
        assertEquals(Reason.INVALID, refusal(() -> service.addRow(null, "d", "t", List.of("x\ty", "", "z"))));
        assertTrue(rows.appended.isEmpty(), "nothing stored");
    }

    @Test
    void addrowRefusesARowLongerThanTheRowLength() throws Exception {
        OneTable rows = new OneTable();
        FeatherBaseRowCommands service = service(rows);
        assertEquals(Reason.INVALID, refusal(() -> service.addRow(null, "d", "t", List.of("x".repeat(30), "y", "z"))));
        assertTrue(rows.appended.isEmpty(), "nothing stored");
        assertEquals(1, service.addRow(null, "d", "t", List.of("x".repeat(10), "y", "z")));
    }
}
