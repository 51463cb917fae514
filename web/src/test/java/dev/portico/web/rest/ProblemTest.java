package dev.portico.web.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ProblemTest {

    @Test
    void aPlainHttpFailureIsAboutBlankWithTheStatusTitleAndTheRequestPath() {
        JsonObject problem = read(Problem.json(404, null, "No customer named nobody", "/portico/api/customers/nobody"));
        assertEquals("about:blank", problem.getString("type"));
        assertEquals("Not Found", problem.getString("title"));
        assertEquals(404, problem.getInt("status"));
        assertEquals("No customer named nobody", problem.getString("detail"));
        assertEquals("/portico/api/customers/nobody", problem.getString("instance"));
    }

    @Test
    void porticosOwnKindsHaveTheirTypeAndATitleOfTheirOwn() {
        assertEquals("Already exists", read(Problem.json(409, Problem.DUPLICATE, "taken", "/x")).getString("title"));
        assertEquals("Breaks a rule of the data", read(Problem.json(422, Problem.RULE_VIOLATION, "age", "/x")).getString("title"));
        assertEquals("Changed since you read it", read(Problem.json(412, Problem.STALE, "stale", "/x")).getString("title"));
        assertEquals("urn:portico:problem:rule-violation", read(Problem.json(422, Problem.RULE_VIOLATION, "age", "/x")).getString("type"));
    }

    @Test
    void aMissingDetailBecomesTheTitleAndAMissingInstanceIsLeftOut() {
        JsonObject problem = read(Problem.json(413, null, null, null));
        assertEquals("Content Too Large", problem.getString("detail"));
        assertFalse(problem.containsKey("instance"));
        assertEquals("Misdirected Request", read(Problem.json(421, null, "x", null)).getString("title"));
        assertEquals("Internal Server Error", read(Problem.json(500, null, "x", null)).getString("title"));
    }

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
