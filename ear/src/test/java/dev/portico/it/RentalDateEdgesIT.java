package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rentals at the first and last second the store holds are stored and reported; times and days beyond are refused. */
@ExtendWith(ArquillianExtension.class)
class RentalDateEdgesIT {

    private static final String RANGE = "must be from 1000-01-01 00:00:00 to 9999-12-31 23:59:59";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void empty() throws Exception {
        TestDatabase.clearRentals();
    }

    @Test
    void rentalsOnTheFirstAndLastDayTheStoreHoldsAreReportedPerDay() throws Exception {
        HttpResponse<String> stored = Http.post("/api/rentals", "application/json", "{\"users\": [[\"Ada\", \"F\"], [\"Bo\", \"M\"]],"
                + " \"CarStatus\": [[\"Axia\", 1], [\"Axia\", 2]],"
                + " \"Time_Rent\": [[\"1000-01-01 00:00:00\", \"1000-01-01 00:00:00\"], [\"9999-12-31 23:59:59\", \"9999-12-31 23:59:59\"]]}");
        assertEquals(201, stored.statusCode(), stored.body());

        assertEquals("{\"9999-12-31\":1}", perDay("9999-12-31", "9999-12-31").body());
        assertEquals("{\"9999-12-31\":1}", perDay("9990-01-03", "9999-12-31").body(), "the last ten years");
        assertEquals("{\"1000-01-01\":1}", perDay("1000-01-01", "1000-01-01").body());
        assertEquals("{\"1000-01-01\":1}", perDay("1000-01-01", "1010-01-07").body(), "the first ten years");
        assertEquals("{}", perDay("1000-01-02", "1010-01-08").body());
        assertEquals("{}", perDay("9990-01-02", "9999-12-30").body());
        // The whole range at once is more days than a per-day count holds.
        assertEquals(400, perDay("1000-01-01", "9999-12-31").statusCode());
    }

    @Test
    void daysTheStoreCannotHoldAreRefusedWith400AndAJsonError() throws Exception {
        for (String[] range : List.of(new String[] {"+999999999-12-31", "+999999999-12-31"}, new String[] {"2024-01-01", "+10000-01-01"},
                new String[] {"0000-01-01", "2024-01-01"}, new String[] {"0999-12-31", "9999-12-31"})) {
            HttpResponse<String> refused = perDay(range[0], range[1]);
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("days must be from 1000-01-01 to 9999-12-31, got " + range[0] + " to " + range[1],
                    Http.object(refused.body()).getString("detail"));
        }
        HttpResponse<String> reversed = perDay("2024-01-02", "2024-01-01");
        assertEquals(400, reversed.statusCode(), reversed.body());
        assertEquals("the last day 2024-01-01 is before the first day 2024-01-02", Http.object(reversed.body()).getString("detail"));
    }

    @Test
    void aTimeInTheYear0000IsRefusedOverTheSocketAndHttpAndNothingIsStored() throws Exception {
        for (String vector : List.of("valid-one-rental-p0.pkl", "valid-one-rental-p4.pkl")) {
            byte[] pickle = new String(RentalClient.vector(vector), StandardCharsets.ISO_8859_1)
                    .replace("2024-01-25 08:30:01", "0000-01-25 08:30:01").getBytes(StandardCharsets.ISO_8859_1);
            assertEquals("Error: Time_Rent[0]: time_in " + RANGE + ", got '0000-01-25 08:30:01'", RentalClient.send(pickle), vector);
        }
        HttpResponse<String> refused = Http.post("/api/rentals", "application/json",
                "{\"users\": [[\"Ada\", \"F\"]], \"CarStatus\": [[\"Axia\", 1]], \"Time_Rent\": [[\"0000-12-31 23:00\", \"2024-01-01 00:00\"]]}");
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("Time_Rent[0]: time_in " + RANGE + ", got '0000-12-31 23:00'", Http.object(refused.body()).getString("detail"));
        assertEquals(0, TestDatabase.count("rental"));
    }

    @Test
    void theConsolesRentalsPageShowsRentalsOnTheFirstAndLastDayTheStoreHolds() throws Exception {
        Browser browser = Browser.open();
        try {
            browser.loginAsAdmin();
            for (String day : List.of("1000-01-05", "9999-12-31")) {
                TestDatabase.clearRentals();
                HttpResponse<String> stored = Http.post("/api/rentals", "application/json", "{\"users\": [[\"Ada\", \"F\"]],"
                        + " \"CarStatus\": [[\"Axia\", 1]], \"Time_Rent\": [[\"" + day + " 23:59:59\", \"" + day + " 23:59:59\"]]}");
                assertEquals(201, stored.statusCode(), stored.body());
                browser.open("/rentals/index.xhtml");
                browser.waitFor(By.id("results:rentals"));
                browser.screenshot("rental-date-edges-" + day);
                assertEquals("1", browser.driver().findElement(By.id("results:total")).getText().strip(),
                        "the default range ends on the latest rental's day, " + day);
                assertEquals(day + "\n1", browser.driver().findElement(By.cssSelector("[id='results:per-day-numbers'] tbody > tr"))
                        .getText().strip().replaceAll("\\s+", "\n"), day);
            }
        } finally {
            browser.close();
        }
    }

    private static HttpResponse<String> perDay(String from, String to) throws Exception {
        return Http.get("/api/rentals/reports/per-day?from=" + from.replace("+", "%2B") + "&to=" + to.replace("+", "%2B"));
    }
}
