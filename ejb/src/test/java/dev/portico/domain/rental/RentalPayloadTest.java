package dev.portico.domain.rental;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of a rental intake payload (rental-intake.md, "Payload"), given as the plain data a
 * pickle decodes to: dicts as maps, lists and tuples as lists, str, int as Long or BigInteger.
 * The shared pickle vectors are read from their files by {@code interfaces.socket.RentalIntakeVectorsTest}.
 */
class RentalPayloadTest {

    private static final String NAME_LENGTH = "users[0]: name must be 1 to 50 characters, got ";
    private static final String MILEAGE = "CarStatus[0]: mileage must be a whole number of kilometres (e.g. 10, 10KM, 10 km), got ";
    private static final String TIME_IN = "Time_Rent[0]: time_in must be a time as YYYY-MM-DD HH:mm:ss, got ";
    private static final String TIME_OUT = "Time_Rent[0]: time_out must be a time as YYYY-MM-DD HH:mm:ss, got ";

    // ---- the whole payload ----------------------------------------------------------------------

    static Stream<Arguments> notADict() {
        return Stream.of(
                Arguments.of(List.of("users"), "list"),
                Arguments.of(null, "NoneType"),
                Arguments.of("users", "str"),
                Arguments.of(5L, "int"),
                Arguments.of(BigInteger.TEN.pow(30), "int"),
                Arguments.of(1.5, "float"),
                Arguments.of(true, "bool"),
                Arguments.of(new byte[] {1}, "bytes"));
    }

    @ParameterizedTest
    @MethodSource("notADict")
    void payloadThatIsNotADictIsRefusedNamingItsPythonType(Object payload, String type) {
        assertRefused("payload must be a dict with 'users', 'CarStatus' and 'Time_Rent', got " + type, payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "CarStatus", "Time_Rent"})
    void payloadWithoutOneOfTheThreeListsIsRefusedNamingIt(String key) {
        Map<String, Object> payload = oneRental("Mira", "F", "Axia", "10KM", "2024-01-25 08:30:01", "2024-01-25 20:30:01");
        payload.remove(key);

        assertRefused("payload has no '" + key + "' list", payload);
    }

    @Test
    void emptyDictIsRefusedForItsFirstMissingListUsers() {
        assertRefused("payload has no 'users' list", new LinkedHashMap<>());
    }

    @Test
    void keysAreMatchedWithTheirExactCase() {
        Map<String, Object> payload = oneRental("Mira", "F", "Axia", "10KM", "2024-01-25 08:30:01", "2024-01-25 20:30:01");
        payload.put("carstatus", payload.remove("CarStatus"));

        assertRefused("payload has no 'CarStatus' list", payload);
    }

    static Stream<Arguments> notAList() {
        return Stream.of(
                Arguments.of("users", "Mira", "str"),
                Arguments.of("CarStatus", Map.of("Axia", "10KM"), "dict"),
                Arguments.of("Time_Rent", null, "NoneType"),
                Arguments.of("users", 3L, "int"));
    }

    @ParameterizedTest
    @MethodSource("notAList")
    void listThatIsNotAListIsRefusedNamingTheKeyAndTheType(String key, Object value, String type) {
        Map<String, Object> payload = oneRental("Mira", "F", "Axia", "10KM", "2024-01-25 08:30:01", "2024-01-25 20:30:01");
        payload.put(key, value);

        assertRefused("'" + key + "' must be a list, got " + type, payload);
    }

    @Test
    void keysAreCheckedInTheOrderUsersCarStatusTimeRent() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("Time_Rent", "not a list");
        payload.put("CarStatus", "not a list either");

        assertRefused("payload has no 'users' list", payload);
        payload.put("users", List.of());
        assertRefused("'CarStatus' must be a list, got str", payload);
    }

    @Test
    void keysBeyondTheThreeListsAreIgnored() throws InvalidRentalException {
        Map<String, Object> payload = oneRental("Mira", "F", "Axia", "10KM", "2024-01-25 08:30:01", "2024-01-25 20:30:01");
        payload.put("comment", List.of("anything"));

        assertEquals(1, RentalPayload.rentals(PlainData.sent(payload)).size());
    }

    // ---- the three lists ------------------------------------------------------------------------

    @Test
    void oneRentalIsAccepted() throws InvalidRentalException {
        assertEquals(List.of(new RentalDraft("Mira", 'F', CarModel.AXIA, 10,
                        LocalDateTime.of(2024, 1, 25, 8, 30, 1), LocalDateTime.of(2024, 1, 25, 20, 30, 1))),
                RentalPayload.rentals(PlainData.sent(oneRental("Mira", "F", "Axia", "10KM", "2024-01-25 08:30:01", "2024-01-25 20:30:01"))));
    }

    @Test
    void thousandRentalsAreAcceptedInTheirOrder() throws InvalidRentalException {
        List<RentalDraft> rentals = RentalPayload.rentals(PlainData.sent(rentals(1000)));

        assertEquals(1000, rentals.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals("Renter " + i, rentals.get(i).renter());
            assertEquals(i, rentals.get(i).mileageKm());
        }
    }

    @Test
    void payloadWithoutRentalsIsRefused() {
        assertRefused("a request holds 1 to 1000 rentals, got 0", rentals(0));
    }

    @Test
    void thousandAndOneRentalsAreRefused() {
        assertRefused("a request holds 1 to 1000 rentals, got 1001", rentals(1001));
    }

    static Stream<Arguments> mismatchedLengths() {
        return Stream.of(Arguments.of(2, 1, 1), Arguments.of(1, 2, 1), Arguments.of(1, 1, 2), Arguments.of(0, 1, 1),
                Arguments.of(1001, 1001, 1000), Arguments.of(3, 2, 1));
    }

    @ParameterizedTest
    @MethodSource("mismatchedLengths")
    void listsOfDifferentLengthsAreRefusedWithAllThreeLengths(int users, int cars, int times) {
        Map<String, Object> payload = payload(
                Collections.nCopies(users, List.of("Mira", "F")),
                Collections.nCopies(cars, List.of("Axia", "10KM")),
                Collections.nCopies(times, List.of("2024-01-25 08:30:01", "2024-01-25 20:30:01")));

        assertRefused("'users', 'CarStatus' and 'Time_Rent' must have the same length, got " + users + ", " + cars + ", " + times,
                payload);
    }

    @Test
    void listsAndTuplesAreAcceptedAlikeAtEveryLevel() throws InvalidRentalException {
        RentalDraft expected = new RentalDraft("Mira", 'F', CarModel.AXIA, 10,
                LocalDateTime.of(2024, 1, 25, 8, 30, 1), LocalDateTime.of(2024, 1, 25, 20, 30, 1));
        // pickle: lists become ArrayList, tuples unmodifiable lists
        Map<String, Object> tuplesInLists = payload(
                new ArrayList<>(List.of(List.of("Mira", "F"))),
                new ArrayList<>(List.of(List.of("Axia", "10KM"))),
                new ArrayList<>(List.of(List.of("2024-01-25 08:30:01", "2024-01-25 20:30:01"))));
        Map<String, Object> listsInTuples = payload(
                List.of(new ArrayList<>(List.of("Mira", "F"))),
                List.of(new ArrayList<>(List.of("Axia", "10KM"))),
                List.of(new ArrayList<>(List.of("2024-01-25 08:30:01", "2024-01-25 20:30:01"))));

        assertEquals(List.of(expected), RentalPayload.rentals(PlainData.sent(tuplesInLists)));
        assertEquals(List.of(expected), RentalPayload.rentals(PlainData.sent(listsInTuples)));
    }

    // ---- entries: 2-item lists ------------------------------------------------------------------

    static Stream<Arguments> notAPair() {
        return Stream.of(
                Arguments.of(List.of("Mira", "F", "extra"), "a 3-item list"),
                Arguments.of(List.of("Mira"), "a 1-item list"),
                Arguments.of(List.of(), "a 0-item list"),
                Arguments.of("Mira", "'Mira'"),
                Arguments.of(null, "None"),
                Arguments.of(7L, "7"),
                Arguments.of(Map.of("Mira", "F"), "a dict"));
    }

    @ParameterizedTest
    @MethodSource("notAPair")
    void userEntryThatIsNotATwoItemListIsRefused(Object entry, String shown) {
        assertRefused("users[0] must be a (name, gender) pair, got " + shown,
                payload(Arrays.asList(entry), List.of(List.of("Axia", "10KM")), List.of(List.of("2024-01-25 08:30:01", "2024-01-25 20:30:01"))));
    }

    @ParameterizedTest
    @MethodSource("notAPair")
    void carEntryThatIsNotATwoItemListIsRefused(Object entry, String shown) {
        assertRefused("CarStatus[0] must be a (car_model, mileage) pair, got " + shown,
                payload(List.of(List.of("Mira", "F")), Arrays.asList(entry), List.of(List.of("2024-01-25 08:30:01", "2024-01-25 20:30:01"))));
    }

    @ParameterizedTest
    @MethodSource("notAPair")
    void timeEntryThatIsNotATwoItemListIsRefused(Object entry, String shown) {
        assertRefused("Time_Rent[0] must be a (time_in, time_out) pair, got " + shown,
                payload(List.of(List.of("Mira", "F")), List.of(List.of("Axia", "10KM")), Arrays.asList(entry)));
    }

    // ---- name -----------------------------------------------------------------------------------

    @Test
    void nameIsStoredTrimmed() throws InvalidRentalException {
        assertEquals("Mira", renter("  Mira \t"));
        assertEquals("Mira binti Ali", renter(" Mira binti Ali\n"), "spaces inside the name are kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00a0", "\u0085", "\u2007", "\u202f", "\u001c"})
    void nameIsTrimmedAsPythonsStripTrimsWhereJavaWouldKeepTheCharacter(String space) throws InvalidRentalException {
        assertEquals("Mira", renter(space + "Mira" + space));
    }

    @Test
    void carAndMileageAreReadAfterPythonsStrip() throws InvalidRentalException {
        assertEquals(CarModel.AXIA, only(car("\u00a0Axia\u2007", "\u202f10KM\u00a0")).car());
    }

    @Test
    void nameOfOneToFiftyCharactersAfterTrimmingIsAccepted() throws InvalidRentalException {
        assertEquals("A", renter("A"));
        assertEquals("x".repeat(50), renter("x".repeat(50)));
        assertEquals("x".repeat(50), renter("   " + "x".repeat(50) + "   "), "surrounding blanks do not count");
    }

    @Test
    void nameLengthCountsCharactersNotUtf16Units() throws InvalidRentalException {
        String fiftyEmoji = "😀".repeat(50);

        assertEquals(fiftyEmoji, renter(fiftyEmoji));
        assertRefused(NAME_LENGTH + "'" + fiftyEmoji + "😀'", user(fiftyEmoji + "😀", "F"));
    }

    @Test
    void nameOfFiftyOneCharactersIsRefused() {
        String name = "x".repeat(51);

        assertRefused(NAME_LENGTH + "'" + name + "'", user(name, "F"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   "})
    void nameThatIsEmptyAfterTrimmingIsRefusedShowingItAsGiven(String name) {
        assertRefused(NAME_LENGTH + "'" + name + "'", user(name, "F"));
    }

    @Test
    void blankNameWithATabIsRefusedShowingTheTabEscaped() {
        assertRefused(NAME_LENGTH + "'\\t '", user("\t ", "F"));
    }

    static Stream<Arguments> notAString() {
        return Stream.of(
                Arguments.of(42L, "42"),
                Arguments.of(null, "None"),
                Arguments.of(true, "True"),
                Arguments.of(1.5, "1.5"),
                Arguments.of(List.of("Mira"), "a 1-item list"),
                Arguments.of(new byte[] {'M'}, "a bytes"));
    }

    @ParameterizedTest
    @MethodSource("notAString")
    void nameThatIsNotAStringIsRefused(Object name, String shown) {
        assertRefused("users[0]: name must be a string, got " + shown, user(name, "F"));
    }

    // ---- gender ---------------------------------------------------------------------------------

    @Test
    void genderMOrFInAnyCaseIsStoredUpperCase() throws InvalidRentalException {
        assertEquals('M', only(user("Mira", "M")).gender());
        assertEquals('M', only(user("Mira", "m")).gender());
        assertEquals('F', only(user("Mira", "F")).gender());
        assertEquals('F', only(user("Mira", "f")).gender());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X", "", "male", "Male", "Female", "MF", "mm", " M", "F ", "W", "1"})
    void genderOtherThanMOrFIsRefusedShowingIt(String gender) {
        assertRefused("users[0]: gender must be M or F, got '" + gender + "'", user("Mira", gender));
    }

    static Stream<Arguments> genderNotAString() {
        return Stream.of(
                Arguments.of(null, "None"),
                Arguments.of(1L, "1"),
                Arguments.of(false, "False"),
                Arguments.of(List.of("M"), "a list"),
                Arguments.of(new byte[] {'M'}, "a bytes"));
    }

    @ParameterizedTest
    @MethodSource("genderNotAString")
    void genderThatIsNotAStringIsRefused(Object gender, String shown) {
        assertRefused("users[0]: gender must be M or F, got " + shown, user("Mira", gender));
    }

    // ---- car model ------------------------------------------------------------------------------

    static Stream<Arguments> carNames() {
        return Stream.of(
                Arguments.of("Corolla", CarModel.COROLLA), Arguments.of("COROLLA", CarModel.COROLLA),
                Arguments.of("corolla", CarModel.COROLLA), Arguments.of("Corola", CarModel.COROLLA),
                Arguments.of("corola", CarModel.COROLLA), Arguments.of("Corolo", CarModel.COROLLA),
                Arguments.of("COROLO", CarModel.COROLLA),
                Arguments.of("Kancil", CarModel.KANCIL), Arguments.of("KANCIL", CarModel.KANCIL),
                Arguments.of("kAnCiL", CarModel.KANCIL),
                Arguments.of("Axia", CarModel.AXIA), Arguments.of("axia", CarModel.AXIA), Arguments.of("AXIA", CarModel.AXIA),
                Arguments.of(" Axia ", CarModel.AXIA));
    }

    @ParameterizedTest
    @MethodSource("carNames")
    void carModelIsRecognisedIgnoringCaseAndReferenceMisspellings(String name, CarModel model) throws InvalidRentalException {
        assertEquals(model, only(car(name, "10KM")).car());
    }

    @Test
    void misspelledCorollaIsStoredUnderItsProperLabel() throws InvalidRentalException {
        assertEquals("Corolla", only(car("corolo", "10KM")).car().label());
        assertEquals("Kancil", only(car("KANCIL", "10KM")).car().label());
        assertEquals("Axia", only(car("axia", "10KM")).car().label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ferrari", "", "Corol", "Corollas", "Corrola", "Axia2", "Kancil Axia", "Toyota Corolla"})
    void otherCarModelIsRefusedShowingIt(String name) {
        assertRefused("CarStatus[0]: car must be Corolla, Kancil or Axia, got '" + name + "'", car(name, "10KM"));
    }

    @Test
    void carModelThatIsNotAStringIsRefused() {
        assertRefused("CarStatus[0]: car must be Corolla, Kancil or Axia, got None", car(null, "10KM"));
        assertRefused("CarStatus[0]: car must be Corolla, Kancil or Axia, got 3", car(3L, "10KM"));
    }

    // ---- mileage --------------------------------------------------------------------------------

    static Stream<Arguments> acceptedMileages() {
        return Stream.of(
                Arguments.of("10", 10), Arguments.of("10KM", 10), Arguments.of("10km", 10), Arguments.of("10 KM", 10),
                Arguments.of("10 km", 10), Arguments.of("0", 0), Arguments.of("0KM", 0), Arguments.of("007", 7),
                Arguments.of(" 10 km ", 10), Arguments.of("2147483647", Integer.MAX_VALUE),
                Arguments.of(10L, 10), Arguments.of(0L, 0), Arguments.of((long) Integer.MAX_VALUE, Integer.MAX_VALUE),
                Arguments.of(BigInteger.valueOf(10), 10), Arguments.of(10, 10));
    }

    @ParameterizedTest
    @MethodSource("acceptedMileages")
    void nonNegativeWholeMileageAsIntOrTextWithOptionalKmIsAccepted(Object mileage, int km) throws InvalidRentalException {
        assertEquals(km, only(car("Axia", mileage)).mileageKm());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "-5KM", "10.5", "10.0", "ten", "10 Km", "10Km", "10 kM", "10  km", "10 k m", "10 kilometres",
            "10 miles", "10KMKM", "KM", "", " ", "+5", "1e3", "1,000", "١٠"})
    void mileageTextThatIsNotAWholeNumberOfKilometresIsRefusedShowingIt(String mileage) {
        assertRefused(MILEAGE + "'" + mileage + "'", car("Axia", mileage));
    }

    static Stream<Arguments> refusedMileageValues() {
        return Stream.of(
                Arguments.of(-5L, "-5"),
                Arguments.of(BigInteger.valueOf(-1), "-1"),
                Arguments.of(10.0, "10.0"),
                Arguments.of(10.5, "10.5"),
                Arguments.of(true, "True"),
                Arguments.of(null, "None"),
                Arguments.of(new byte[] {'1', '0'}, "a bytes"),
                Arguments.of(List.of(10L), "a list"));
    }

    @ParameterizedTest
    @MethodSource("refusedMileageValues")
    void mileageValueThatIsNotANonNegativeIntIsRefusedShowingIt(Object mileage, String shown) {
        assertRefused(MILEAGE + shown, car("Axia", mileage));
    }

    static Stream<Arguments> hugeMileages() {
        return Stream.of(
                Arguments.of(2_147_483_648L, "2147483648"),
                Arguments.of(Long.MAX_VALUE, "9223372036854775807"),
                Arguments.of(BigInteger.TWO.pow(64), "18446744073709551616"),
                Arguments.of("2147483648", "2147483648"),
                Arguments.of("99999999999999999999 km", "99999999999999999999"),
                Arguments.of("0002147483648KM", "2147483648"));
    }

    @ParameterizedTest
    @MethodSource("hugeMileages")
    void mileageBeyondTheIntRangeIsRefusedAsImplausible(Object mileage, String km) {
        assertRefused("CarStatus[0]: mileage " + km + " km is not plausible", car("Axia", mileage));
    }

    @Test
    void aHugeMileageIsEchoedCutToSixtyDigitsWithItsLength() {
        String digits = "9".repeat(65_536);
        String echoed = "9".repeat(RentalPayload.ECHO_LIMIT) + "... (65536 characters)";
        assertRefused("CarStatus[0]: mileage " + echoed + " km is not plausible", car("Axia", digits));
        assertRefused("CarStatus[0]: mileage " + echoed + " km is not plausible", car("Axia", new BigInteger(digits)));
        assertRefused(MILEAGE + "'" + "9".repeat(RentalPayload.ECHO_LIMIT) + "'... (65537 characters)", car("Axia", digits + "x"));
    }

    @Test
    void everyEchoedValueIsCutSoTheMessageStaysShortWhateverWasSent() {
        String huge = "\u0001" + "ß".repeat(100_000);
        List<Map<String, Object>> payloads = List.of(oneRental(huge, "F", "Axia", "1", "2024-01-25 08:30:01", "2024-01-25 20:30:01"),
                oneRental("Mira", huge, "Axia", "1", "2024-01-25 08:30:01", "2024-01-25 20:30:01"),
                oneRental("Mira", "F", huge, "1", "2024-01-25 08:30:01", "2024-01-25 20:30:01"),
                oneRental("Mira", "F", "Axia", huge, "2024-01-25 08:30:01", "2024-01-25 20:30:01"),
                oneRental("Mira", "F", "Axia", "1", huge, "2024-01-25 20:30:01"),
                oneRental("Mira", "F", "Axia", "1", "2024-01-25 08:30:01", huge),
                oneRental("Mira", "F", "Axia", "1", "2024-01-25 20:30:01", "2024-01-25 08:30:01" + " ".repeat(100_000)));
        for (Map<String, Object> payload : payloads) {
            InvalidRentalException e = assertThrows(InvalidRentalException.class, () -> RentalPayload.rentals(PlainData.sent(payload)));
            assertTrue(e.getMessage().length() < 300, () -> e.getMessage().length() + ": " + e.getMessage().substring(0, 200));
        }
        InvalidRentalException e = assertThrows(InvalidRentalException.class, () -> RentalPayload.rentals(PlainData.sent(payloads.get(0))));
        assertEquals(NAME_LENGTH + "'\\x01" + "ß".repeat(RentalPayload.ECHO_LIMIT - 1) + "'... (100001 characters)", e.getMessage());
    }

    @Test
    void aMileageOfSixtyThousandDigitsIsRefusedAsImplausibleWithItsDigitsCut() {
        // refused from its digit count: parsing and printing it as a BigInteger took 0.4 s of CPU per request
        String digits = "9".repeat(60_000);
        InvalidRentalException e = assertThrows(InvalidRentalException.class, () -> RentalPayload.rentals(PlainData.sent(car("Axia", "000" + digits + " km"))));
        assertEquals("CarStatus[0]: mileage " + "9".repeat(RentalPayload.ECHO_LIMIT) + "... (60000 characters) km is not plausible", e.getMessage());
    }

    // ---- times ----------------------------------------------------------------------------------

    @Test
    void timesWithSecondsAreRead() throws InvalidRentalException {
        RentalDraft draft = only(times("2024-01-25 08:30:01", "2024-01-25 20:30:59"));

        assertEquals(LocalDateTime.of(2024, 1, 25, 8, 30, 1), draft.timeIn());
        assertEquals(LocalDateTime.of(2024, 1, 25, 20, 30, 59), draft.timeOut());
    }

    @Test
    void timesWithoutSecondsAreReadAsSecondZero() throws InvalidRentalException {
        RentalDraft draft = only(times("2024-01-25 08:30", "2024-01-25 20:31"));

        assertEquals(LocalDateTime.of(2024, 1, 25, 8, 30, 0), draft.timeIn());
        assertEquals(LocalDateTime.of(2024, 1, 25, 20, 31, 0), draft.timeOut());
    }

    @Test
    void leapDayAndLastSecondOfTheDayAreAccepted() throws InvalidRentalException {
        RentalDraft draft = only(times("2024-02-29 00:00:00", "2024-12-31 23:59:59"));

        assertEquals(LocalDateTime.of(2024, 2, 29, 0, 0, 0), draft.timeIn());
        assertEquals(LocalDateTime.of(2024, 12, 31, 23, 59, 59), draft.timeOut());
    }

    @Test
    void theFirstAndLastSecondsTheStoreHoldsAreAccepted() throws InvalidRentalException {
        RentalDraft draft = only(times("1000-01-01 00:00:00", "9999-12-31 23:59:59"));

        assertEquals(LocalDateTime.of(1000, 1, 1, 0, 0, 0), draft.timeIn());
        assertEquals(LocalDateTime.of(9999, 12, 31, 23, 59, 59), draft.timeOut());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01 10:00:00", "0001-01-01 00:00", "0999-12-31 23:59:59"})
    void timeInBeforeTheYear1000IsRefusedAsOutsideWhatTheStoreHolds(String time) {
        assertRefused("Time_Rent[0]: time_in must be from 1000-01-01 00:00:00 to 9999-12-31 23:59:59, got '" + time + "'",
                times(time, "2024-12-31 23:59:59"));
    }

    @Test
    void timeOutBeforeTheYear1000IsRefusedAsOutsideWhatTheStoreHolds() {
        // time_in is checked first, so only a time_out before an acceptable time_in can be the first problem.
        assertRefused("Time_Rent[0]: time_out must be from 1000-01-01 00:00:00 to 9999-12-31 23:59:59, got '0000-02-29 10:00'",
                times("2024-02-28 10:00", "0000-02-29 10:00"));
    }

    @Test
    void blanksAroundATimeAreIgnored() throws InvalidRentalException {
        assertEquals(LocalDateTime.of(2024, 1, 25, 8, 30, 1), only(times(" 2024-01-25 08:30:01\t", "2024-01-25 20:30:01")).timeIn());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30 10:00:00", "2023-02-29 10:00:00", "2024-04-31 10:00", "2024-13-01 10:00:00",
            "2024-00-10 10:00:00", "2024-01-00 10:00:00", "2024-01-25 24:00:00", "2024-01-25 24:00", "2024-01-25 23:60:00",
            "2024-01-25 23:59:60", "2024-01-25T08:30:01", "2024-01-25", "2024-1-25 08:30:01", "2024-01-25 8:30:01",
            "2024-01-25 08:30:1", "25-01-2024 08:30:01", "2024/01/25 08:30:01", "2024-01-25 08:30:01.000",
            "2024-01-25  08:30:01", "2024-01-25 08", "+12024-01-25 08:30:01", "-0001-01-25 08:30:01", "+2024-01-25 08:30:01",
            "12024-01-25 08:30:01", "224-01-25 08:30:01", "now", ""})
    void timeInThatIsNotAValidCalendarTimeIsRefusedShowingIt(String time) {
        assertRefused(TIME_IN + "'" + time + "'", times(time, "2024-12-31 23:59:59"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30 10:00:00", "2024-01-25 24:00:00", "2024-01-25T20:30:01", "tomorrow"})
    void timeOutThatIsNotAValidCalendarTimeIsRefusedShowingIt(String time) {
        assertRefused(TIME_OUT + "'" + time + "'", times("2024-01-25 08:30:01", time));
    }

    @Test
    void timeThatIsNotAStringIsRefused() {
        assertRefused("Time_Rent[0]: time_in must be a string, got None", times(null, "2024-01-25 20:30:01"));
        assertRefused("Time_Rent[0]: time_out must be a string, got 1706171401", times("2024-01-25 08:30:01", 1706171401L));
    }

    @Test
    void timeOutEqualToTimeInIsAccepted() throws InvalidRentalException {
        RentalDraft draft = only(times("2024-01-25 08:30:01", "2024-01-25 08:30:01"));

        assertEquals(draft.timeIn(), draft.timeOut());
    }

    @Test
    void timeOutOnALaterDayAtAnEarlierHourIsAccepted() throws InvalidRentalException {
        assertEquals(LocalDateTime.of(2024, 1, 26, 7, 0), only(times("2024-01-25 20:00", "2024-01-26 07:00")).timeOut());
    }

    @Test
    void timeOutOneSecondBeforeTimeInIsRefusedShowingBoth() {
        assertRefused("Time_Rent[0]: time_out 2024-01-25 08:30:00 is before time_in 2024-01-25 08:30:01",
                times("2024-01-25 08:30:01", "2024-01-25 08:30:00"));
    }

    @Test
    void timeOutWithoutSecondsIsComparedAsSecondZero() {
        assertRefused("Time_Rent[0]: time_out 2024-01-25 08:30 is before time_in 2024-01-25 08:30:01",
                times("2024-01-25 08:30:01", "2024-01-25 08:30"));
    }

    // ---- the first problem wins -----------------------------------------------------------------

    @Test
    void problemOfAnEarlierRentalIsReportedBeforeOneOfALaterRental() {
        Map<String, Object> payload = payload(
                List.of(List.of("Ali", "M"), List.of("", "X")),
                List.of(List.of("Axia", "10KM"), List.of("Ferrari", "ten")),
                List.of(List.of("2024-01-25 08:30:01", "2024-01-25 08:00:00"), List.of("bad", "bad")));

        assertRefused("Time_Rent[0]: time_out 2024-01-25 08:00:00 is before time_in 2024-01-25 08:30:01", payload);
    }

    @Test
    void problemOfALaterRentalNamesItsIndex() {
        Map<String, Object> payload = payload(
                List.of(List.of("Ali", "M"), List.of("Siti", "F"), List.of("Kamal", "x")),
                List.of(List.of("Axia", "10KM"), List.of("Kancil", "5"), List.of("Axia", "7 km")),
                List.of(List.of("2024-01-25 08:30:01", "2024-01-25 09:00:00"),
                        List.of("2024-01-25 08:30:01", "2024-01-25 09:00:00"),
                        List.of("2024-01-25 08:30:01", "2024-01-25 09:00:00")));

        assertRefused("users[2]: gender must be M or F, got 'x'", payload);
    }

    @Test
    void problemsOfOneRentalAreReportedNameGenderCarMileageTimeInTimeOutThenOrder() throws InvalidRentalException {
        Object[] fields = {"", "X", "Ferrari", "ten", "bad in", "bad out"};
        Object[] fixes = {"Mira", "F", "Axia", "10KM", "2024-01-25 20:30:01", "2024-01-25 08:30:01"};
        String[] problems = {
                NAME_LENGTH + "''",
                "users[0]: gender must be M or F, got 'X'",
                "CarStatus[0]: car must be Corolla, Kancil or Axia, got 'Ferrari'",
                MILEAGE + "'ten'",
                TIME_IN + "'bad in'",
                TIME_OUT + "'bad out'"};

        for (int i = 0; i < fields.length; i++) {
            assertRefused(problems[i], oneRental(fields));
            fields[i] = fixes[i];
        }
        assertRefused("Time_Rent[0]: time_out 2024-01-25 08:30:01 is before time_in 2024-01-25 20:30:01", oneRental(fields));
        fields[5] = "2024-01-25 20:30:01";
        assertEquals(1, RentalPayload.rentals(PlainData.sent(oneRental(fields))).size());
    }

    @Test
    void malformedEntriesOfARentalAreReportedBeforeItsFields() {
        Map<String, Object> payload = payload(
                List.of(List.of("", "X")),
                List.of(List.of("Ferrari", "ten")),
                List.of(List.of("2024-01-25 08:30:01")));

        assertRefused("Time_Rent[0] must be a (time_in, time_out) pair, got a 1-item list", payload);
    }

    @Test
    void lengthMismatchIsReportedBeforeAnyRentalContent() {
        Map<String, Object> payload = payload(
                List.of(List.of("", "X"), List.of("Ali", "M")),
                List.of(List.of("Ferrari", "ten")),
                List.of(List.of("bad", "bad")));

        assertRefused("'users', 'CarStatus' and 'Time_Rent' must have the same length, got 2, 1, 1", payload);
    }

    // ---- how an offending value is shown -------------------------------------------------------

    @Test
    void controlCharactersInAnOffendingValueAreEscapedSoTheErrorStaysOneLine() {
        assertRefused("users[0]: gender must be M or F, got 'M\\n\\tX\\x01'", user("Mira", "M\n\tX\u0001"));
    }

    @Test
    void anOffendingValueIsShownAsPythonsReprShowsIt() {
        assertRefused("users[0]: gender must be M or F, got \"it's\"", user("Mira", "it's"));
        assertRefused("users[0]: gender must be M or F, got 'a\\\\b'", user("Mira", "a\\b"));
        assertRefused("users[0]: gender must be M or F, got 'M\\x85\\u2028\\xa0'", user("Mira", "M\u0085\u2028\u00a0"));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Map<String, Object> payload(List<?> users, List<?> cars, List<?> times) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("users", users);
        payload.put("CarStatus", cars);
        payload.put("Time_Rent", times);
        return payload;
    }

    /** A payload of one rental; null-tolerant, the fields in the order name, gender, car, mileage, time_in, time_out. */
    private static Map<String, Object> oneRental(Object... fields) {
        return payload(
                List.of(Arrays.asList(fields[0], fields[1])),
                List.of(Arrays.asList(fields[2], fields[3])),
                List.of(Arrays.asList(fields[4], fields[5])));
    }

    private static Map<String, Object> user(Object name, Object gender) {
        return oneRental(name, gender, "Axia", "10KM", "2024-01-25 08:30:01", "2024-01-25 20:30:01");
    }

    private static Map<String, Object> car(Object model, Object mileage) {
        return oneRental("Mira", "F", model, mileage, "2024-01-25 08:30:01", "2024-01-25 20:30:01");
    }

    private static Map<String, Object> times(Object in, Object out) {
        return oneRental("Mira", "F", "Axia", "10KM", in, out);
    }

    /** {@code count} valid rentals, renter i having driven i km. */
    private static Map<String, Object> rentals(int count) {
        List<Object> users = new ArrayList<>();
        List<Object> cars = new ArrayList<>();
        List<Object> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(List.of("Renter " + i, i % 2 == 0 ? "F" : "M"));
            cars.add(List.of("Kancil", i + " km"));
            times.add(List.of("2024-01-25 08:30:01", "2024-01-25 20:30:01"));
        }
        return payload(users, cars, times);
    }

    private static String renter(String name) throws InvalidRentalException {
        return only(user(name, "F")).renter();
    }

    private static RentalDraft only(Object payload) throws InvalidRentalException {
        List<RentalDraft> rentals = RentalPayload.rentals(PlainData.sent(payload));
        assertEquals(1, rentals.size());
        return rentals.get(0);
    }

    private static void assertRefused(String problem, Object payload) {
        InvalidRentalException e = assertThrows(InvalidRentalException.class, () -> RentalPayload.rentals(PlainData.sent(payload)));
        assertEquals(problem, e.getMessage());
    }
}
