package dev.portico.interfaces.socket;

import dev.portico.application.internal.DefaultRentalIntakeService;
import dev.portico.application.internal.RentalIntakeGroupCommit;
import dev.portico.application.internal.RentalIntakeWriter;
import dev.portico.domain.rental.CarModel;
import dev.portico.domain.rental.RentalDraft;
import dev.portico.domain.rental.RentalIntakeStore;
import dev.portico.jca.api.RentalIntakeReply;
import dev.portico.jca.api.RentalIntakeRequest;
import dev.portico.jca.codec.PickleException;
import dev.portico.jca.codec.PickledIntake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared rental vectors (shared/protocols/vectors/rental, rental-intake.md) as the intake answers
 * them: each pickle unpickled by the adapter as its listener does, handed to the MDB, validated by the
 * intake service and written to a store that records what it is given.
 */
class RentalIntakeVectorsTest {

    /** From the module's directory, with the shared repository cloned beside this one. */
    private static final Path VECTORS = Path.of("../../shared/protocols/vectors/rental");

    private static final RentalDraft MIRA = new RentalDraft("Mira", 'F', CarModel.AXIA, 10,
            LocalDateTime.of(2024, 1, 25, 8, 30, 1), LocalDateTime.of(2024, 1, 25, 20, 30, 1));

    private static final List<String> VALID = List.of(
            "valid-one-rental-p0.pkl", "valid-one-rental-p1.pkl", "valid-one-rental-p2.pkl",
            "valid-one-rental-p3.pkl", "valid-one-rental-p4.pkl", "valid-one-rental-p5.pkl",
            "valid-three-rentals-p4.pkl");

    private final RecordingStore store = new RecordingStore();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void theOneRentalVectorOfEveryPickleProtocolStoresMiraWithHerAxia(int protocol) throws IOException {
        assertEquals(new RentalIntakeReply.Stored(), answer("valid-one-rental-p" + protocol + ".pkl"));

        assertEquals(List.of(MIRA), store.rentals);
        assertEquals(List.of("F Mira"), store.renterOfEachRental());
    }

    @Test
    void theThreeRentalsVectorStoresThemInTheirOrderWithCorolaReadAsCorolla() throws IOException {
        assertEquals(new RentalIntakeReply.Stored(), answer("valid-three-rentals-p4.pkl"));

        assertEquals(List.of(
                        new RentalDraft("Ali", 'M', CarModel.COROLLA, 50, LocalDateTime.of(2024, 1, 24, 6, 0), LocalDateTime.of(2024, 1, 24, 13, 0)),
                        new RentalDraft("Kamal", 'M', CarModel.AXIA, 7, LocalDateTime.of(2024, 1, 24, 10, 0), LocalDateTime.of(2024, 1, 24, 15, 0)),
                        new RentalDraft("Siti", 'F', CarModel.KANCIL, 80, LocalDateTime.of(2024, 1, 24, 11, 0), LocalDateTime.of(2024, 1, 24, 19, 0))),
                store.rentals);
        assertEquals(List.of("M Ali", "M Kamal", "F Siti"), store.renterOfEachRental());
    }

    @Test
    void anIntakeWhoseWriteLostADeadlockIsWrittenAgainAndStoredOnce() throws IOException {
        store.failures.add(new IllegalStateException("storing failed", new SQLException("Deadlock found when trying to get lock", "40001", 1213)));

        assertEquals(new RentalIntakeReply.Stored(), answer("valid-one-rental-p4.pkl"));

        assertEquals(List.of(MIRA), store.rentals);
        assertEquals(List.of(), store.failures, "the first write failed");
    }

    static Stream<Arguments> invalidVectors() {
        return Stream.of(
                Arguments.of("invalid-car-p4.pkl", "CarStatus[0]: car must be Corolla, Kancil or Axia, got 'Ferrari'"),
                Arguments.of("invalid-gender-p4.pkl", "users[0]: gender must be M or F, got 'X'"),
                Arguments.of("invalid-length-mismatch-p4.pkl", "'users', 'CarStatus' and 'Time_Rent' must have the same length, got 2, 1, 1"),
                Arguments.of("invalid-not-a-dict-p4.pkl", "payload must be a dict with 'users', 'CarStatus' and 'Time_Rent', got list"),
                Arguments.of("invalid-time-order-p4.pkl", "Time_Rent[0]: time_out 2024-01-25 08:30:01 is before time_in 2024-01-25 20:30:01"));
    }

    @ParameterizedTest
    @MethodSource("invalidVectors")
    void anInvalidVectorIsRefusedForItsFirstProblemWithNothingStored(String vector, String problem) throws IOException {
        assertEquals(new RentalIntakeReply.Refused(problem), answer(vector));

        assertEquals(List.of(), store.rentals);
        assertEquals(Set.of(), store.renters);
    }

    static Stream<Arguments> undecodableVectors() {
        return Stream.of(
                Arguments.of("malicious-global-ordereddict-p2.pkl", "pickle opcode not allowed: GLOBAL"),
                Arguments.of("malicious-reduce-os-system-p0.pkl", "pickle opcode not allowed: GLOBAL"),
                Arguments.of("malicious-reduce-os-system-p4.pkl", "pickle opcode not allowed: STACK_GLOBAL"),
                Arguments.of("truncated-p4.pkl", "truncated pickle"));
    }

    @ParameterizedTest
    @MethodSource("undecodableVectors")
    void aMaliciousOrTruncatedVectorIsRefusedByTheDecoderAndNeverReachesTheDomain(String vector, String problem) throws IOException {
        RentalIntakeReply reply = answer(vector);

        assertTrue(reply instanceof RentalIntakeReply.Refused refused && refused.problem().startsWith(problem), reply.toString());
        assertEquals(List.of(), store.rentals);
        assertEquals(Set.of(), store.renters);
    }

    @Test
    void everySharedVectorHasItsOutcomeCheckedHere() throws IOException {
        Set<String> checked = new TreeSet<>(VALID);
        Stream.concat(invalidVectors(), undecodableVectors()).forEach(arguments -> checked.add((String) arguments.get()[0]));
        try (Stream<Path> files = Files.list(VECTORS)) {
            assertEquals(files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)), checked);
        }
    }

    /** What the rental intake listener answers the vector: the decoder's refusal, or the MDB's reply (ProtocolBinding). */
    private RentalIntakeReply answer(String vector) throws IOException {
        RentalIntakeRequest request;
        try {
            request = new PickledIntake(Files.readAllBytes(VECTORS.resolve(vector))).unpickle();
        } catch (PickleException refused) {
            return PickledIntake.refusal(refused);
        }
        RentalIntakeWriter writer = BeanStubs.inject(new RentalIntakeWriter(), store);
        RentalIntakeGroupCommit groupCommit = BeanStubs.inject(new RentalIntakeGroupCommit(), writer, BeanStubs.UP);
        DefaultRentalIntakeService service = BeanStubs.inject(new DefaultRentalIntakeService(), groupCommit);
        return BeanStubs.inject(new RentalIntakeMdb(), service, BeanStubs.UP).onIntake(request);
    }

    /** A store that keeps the rentals it is given, in memory, and each renter ("gender name") once. */
    private static final class RecordingStore implements RentalIntakeStore {

        final Set<String> renters = new TreeSet<>();
        final List<RentalDraft> rentals = new ArrayList<>();
        /** What the next calls throw instead of storing, one each. */
        final List<RuntimeException> failures = new ArrayList<>();

        @Override
        public void store(List<RentalDraft> drafts) {
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            drafts.forEach(d -> renters.add(d.gender() + " " + d.renter()));
            rentals.addAll(drafts);
        }

        /** The renter each rental was stored under, as "gender name". */
        List<String> renterOfEachRental() {
            return rentals.stream().map(d -> d.gender() + " " + d.renter()).filter(renters::contains).toList();
        }
    }
}
