package dev.portico.domain.rental;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jazzer target for the rental payload rules: any plain data a pickle can decode to (built from
 * the fuzzer's bytes, mostly in the payload's shape and with values near the valid ones) is either
 * rentals that keep every rule or an {@link InvalidRentalException}, never another exception.
 * Fuzzed briefly in every build and on demand as the adapter's targets are (see its pom).
 */
class RentalPayloadFuzzer {

    private static final String[] KEYS = {"users", "CarStatus", "Time_Rent", "users ", "Users"};
    /** Per field of a pair (name, gender; car, mileage; time in, time out): a valid value first, then ones near it. */
    private static final String[][] FIELDS = {
        {"users", "Ann", " Bo ", "", " ", "\u00a0Ann\u00a0", "\u2003", "A".repeat(51), "\ud83d\ude00".repeat(50)},
        {"users", "M", "f", "X", "", "m ", "\u0130"},
        {"CarStatus", "Corolla", "corola", "KANCIL", " Axia ", "Myvi", ""},
        {"CarStatus", "12 KM", "7km", "12", "-3", "12 K", "2147483648", "99999999999999999999", "\u0661\u0662"},
        {"Time_Rent", "2024-01-02 10:00", "2024-01-02 10:00:59", "2024-02-30 10:00", "0999-12-31 23:59", "1000-01-01 00:00",
            "+10000-01-01 00:00", "9999-12-31 23:59:59", "2024-01-02T10:00", "2024-1-2 10:00"},
        {"Time_Rent", "2024-01-03 10:00:59", "2024-01-02 09:59", "2024-01-02 10:00", "9999-12-31 23:59:59", "24:00"},
    };

    @FuzzTest(maxDuration = "30s")
    void anyPlainDataIsRentalsThatKeepTheRulesOrAnInvalidRental(FuzzedDataProvider data) {
        Object payload = payload(data);
        List<RentalDraft> rentals;
        try {
            rentals = RentalPayload.rentals(PlainData.sent(payload));
        } catch (InvalidRentalException e) {
            assertNotNull(e.getMessage());
            return;
        }
        assertTrue(!rentals.isEmpty() && rentals.size() <= RentalPayload.MAX_RENTALS, () -> rentals.size() + " rentals");
        for (RentalDraft rental : rentals) {
            assertFalse(rental.renter().isEmpty() || rental.renter().codePointCount(0, rental.renter().length()) > RentalPayload.MAX_NAME_LENGTH,
                    () -> "name " + rental.renter());
            assertEquals(rental.renter().strip(), rental.renter(), "name is stripped");
            assertTrue(rental.gender() == 'M' || rental.gender() == 'F', () -> "gender " + rental.gender());
            assertNotNull(rental.car());
            assertTrue(rental.mileageKm() >= 0, () -> "mileage " + rental.mileageKm());
            assertTrue(RentalTimes.storable(rental.timeIn()) && RentalTimes.storable(rental.timeOut()), () -> "times " + rental);
            assertFalse(rental.timeOut().isBefore(rental.timeIn()), () -> "time out before time in: " + rental);
        }
    }

    /** Mostly a dict with the three lists; sometimes something else, or a key missing or misspelt. */
    private static Object payload(FuzzedDataProvider data) {
        if (data.consumeInt(0, 15) == 15) {
            return value(data, 0, 2);
        }
        int rentals = (1 + data.consumeInt(0, 3)) % 4;
        Map<Object, Object> payload = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String key = data.consumeInt(0, 15) == 15 ? KEYS[data.consumeInt(0, KEYS.length - 1)] : KEYS[i];
            payload.put(key, data.consumeInt(0, 15) == 15 ? value(data, 2 * i, 2) : pairs(data, rentals, 2 * i));
        }
        return payload;
    }

    private static List<Object> pairs(FuzzedDataProvider data, int count, int firstField) {
        List<Object> pairs = new ArrayList<>();
        for (int i = 0; i < count + (data.consumeInt(0, 15) == 15 ? 1 : 0); i++) {
            List<Object> pair = new ArrayList<>();
            int size = data.consumeInt(0, 7) == 7 ? data.consumeInt(0, 3) : 2;
            for (int j = 0; j < size; j++) {
                pair.add(value(data, firstField + Math.min(j, 1), 1));
            }
            pairs.add(pair);
        }
        return pairs;
    }

    /** A value of any type a pickle decodes to; most often (always, from no bytes) a string near a valid one for the field. */
    private static Object value(FuzzedDataProvider data, int field, int depth) {
        return switch (data.consumeInt(0, 15)) {
            case 15 -> null;
            case 14 -> data.consumeLong();
            case 13 -> BigInteger.valueOf(data.consumeLong()).shiftLeft(data.consumeInt(0, 80));
            case 12 -> data.consumeDouble();
            case 11 -> data.consumeBoolean();
            case 10 -> data.consumeBytes(8);
            case 9 -> depth > 0 ? Arrays.asList(value(data, field, depth - 1), value(data, field, depth - 1)) : new LinkedHashMap<>();
            case 8 -> data.consumeString(80);
            default -> {
                String near = FIELDS[field][1 + data.consumeInt(0, FIELDS[field].length - 2)];
                yield data.consumeBoolean() ? near + data.consumeString(4) : near;
            }
        };
    }
}
