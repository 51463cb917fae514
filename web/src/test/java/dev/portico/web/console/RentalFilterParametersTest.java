package dev.portico.web.console;

import dev.portico.domain.rental.CarModel;
import dev.portico.domain.rental.RentalQuery;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RentalFilterParametersTest {

    @Test
    void aQueryTravelsThroughItsUrlParametersUnchanged() {
        RentalQuery query = new RentalQuery(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), CarModel.KANCIL, 'F', "Ann & Co=1");
        String queryString = RentalFilterParameters.queryString(query);
        assertEquals("from=2024-01-01&to=2024-01-31&car=Kancil&gender=F&renter=Ann+%26+Co%3D1", queryString);
        assertEquals(query, RentalFilterParameters.parse(parameters(queryString)::get));
        RentalQuery plain = RentalQuery.between(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1));
        assertEquals("from=2024-01-01&to=2024-01-01", RentalFilterParameters.queryString(plain));
        assertEquals(plain, RentalFilterParameters.parse(parameters("from=2024-01-01&to=2024-01-01&car=&gender=")::get));
    }

    @Test
    void badParametersAreRefusedNamingTheParameterAndItsValue() {
        assertEquals("to must be a date as YYYY-MM-DD, got '2024-02-30'", refusal("from=2024-01-01&to=2024-02-30"));
        assertEquals("from is required (a date as YYYY-MM-DD)", refusal("to=2024-01-01"));
        assertEquals("car must be Corolla, Kancil or Axia, got 'Ferrari'", refusal("from=2024-01-01&to=2024-01-01&car=Ferrari"));
        assertEquals("gender must be M or F, got 'X'", refusal("from=2024-01-01&to=2024-01-01&gender=X"));
        assertEquals("the last day 2023-12-31 is before the first day 2024-01-01", refusal("from=2024-01-01&to=2023-12-31"));
    }

    @Test
    void daysTheStoreCannotHoldAreRefusedInsteadOfOverflowing() {
        assertEquals("days must be from 1000-01-01 to 9999-12-31, got +999999999-12-31 to +999999999-12-31",
                refusal("from=%2B999999999-12-31&to=%2B999999999-12-31"));
        assertEquals("days must be from 1000-01-01 to 9999-12-31, got 0000-01-01 to 2024-01-01", refusal("from=0000-01-01&to=2024-01-01"));
    }

    @Test
    void theLastDayTheStoreHoldsIsAccepted() {
        assertEquals(RentalQuery.between(LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31)),
                RentalFilterParameters.parse(parameters("from=1000-01-01&to=9999-12-31")::get));
    }

    private static String refusal(String queryString) {
        return assertThrows(IllegalArgumentException.class, () -> RentalFilterParameters.parse(parameters(queryString)::get)).getMessage();
    }

    private static Map<String, String> parameters(String queryString) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : queryString.split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
