package dev.portico.web.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedJsonParserTest {

    private final BoundedJsonParser parser = new BoundedJsonParser(4, 20);

    @Test
    void readsObjectsArraysStringsNumbersAndLiteralsAsTheyWereSent() {
        JsonObject object = read("{\"a\":[1,2.5,\"x\",true,false,null],\"b\":{\"c\":12345678901234567890}}", JsonObject.class);
        JsonArray a = object.getJsonArray("a");
        assertEquals(1, a.getInt(0));
        assertTrue(a.getJsonNumber(0).isIntegral());
        assertEquals(2.5, a.getJsonNumber(1).doubleValue());
        assertEquals("x", a.getString(2));
        assertEquals(JsonValue.TRUE, a.get(3));
        assertEquals(JsonValue.NULL, a.get(5));
        assertEquals(new BigInteger("12345678901234567890"), ((JsonNumber) object.getJsonObject("b").get("c")).bigIntegerValue());
    }

    @Test
    void nestingDeeperThanTheLimitIsABadRequest() {
        assertEquals(4, depth(read("[[[[1]]]]", JsonValue.class)));
        assertMessage("JSON nested too deeply: at most 4 levels", "[[[[[1]]]]]", JsonValue.class);
        assertMessage("JSON nested too deeply", "{\"a\":{\"a\":{\"a\":{\"a\":{}}}}}", JsonValue.class);
        assertMessage("JSON nested too deeply", "[".repeat(100_000), JsonValue.class);
    }

    @Test
    void numbersLongerThanTheLimitOrWithHugeExponentsAreBadRequests() {
        read("[" + "9".repeat(20) + "]", JsonArray.class);
        assertMessage("JSON number too long: 21 characters, at most 20", "[" + "9".repeat(21) + "]", JsonArray.class);
        assertMessage("JSON number too large or too small", "[1e999999999]", JsonArray.class);
        assertMessage("JSON number too large or too small", "[1e-999999999]", JsonArray.class);
    }

    @Test
    void malformedJsonSaysWhereItWentWrong() {
        assertMessage("Malformed JSON at line 1, column", "{\"password\":", JsonObject.class);
        assertMessage("Malformed JSON at line 1, column", "{'a':1}", JsonObject.class);
        assertMessage("Malformed JSON", "{\"a\":1} x", JsonObject.class);
        assertMessage("The body is empty: send a JSON object", "", JsonObject.class);
        assertMessage("The body is empty", "  \n ", JsonObject.class);
    }

    @Test
    void aMemberSentTwiceOrBytesThatAreNotUtf8AreRefusedNotMerged() {
        assertMessage("Malformed JSON: \"name\" appears twice in one object", "{\"name\":\"a\",\"name\":\"b\"}", JsonObject.class);
        assertEquals(2, read("{\"a\":{\"name\":1},\"b\":{\"name\":2}}", JsonObject.class).size(), "one name in two objects is fine");
        for (byte[] body : List.of(new byte[] {'{', '"', 'n', '"', ':', '"', 'c', 'a', 'f', (byte) 0xE9, '"', '}'}, new byte[] {(byte) 0xFF})) {
            BoundedJsonParser.Refusal e = assertThrows(BoundedJsonParser.Refusal.class,
                    () -> parser.read(new ByteArrayInputStream(body), JsonObject.class));
            assertEquals(BoundedJsonParser.NOT_UTF8, e.getMessage());
        }
        assertEquals("caf\u00e9", read("{\"n\":\"caf\u00e9\"}", JsonObject.class).getString("n"), "UTF-8 as sent");
    }

    @Test
    void aValueOfTheWrongKindSaysWhatWasExpected() {
        assertMessage("Send a JSON object, not an array", "[]", JsonObject.class);
        assertMessage("Send a JSON object, not a number", "123", JsonObject.class);
        assertMessage("Send a JSON array, not null", "null", JsonArray.class);
    }

    @Test
    void halfACharacterInAStringOrANameIsABadRequestAndAWholeOneIsRead() {
        assertMessage("Malformed JSON before offset", "{\"address\":\"a\\ud800b\"}", JsonObject.class);
        assertMessage("Malformed JSON before offset", "[\"\\udc00\"]", JsonArray.class);
        assertMessage("Malformed JSON before offset", "[\"x\\ud800\"]", JsonArray.class);
        assertMessage("Malformed JSON before offset", "{\"\\udfff\":1}", JsonObject.class);
        BoundedJsonParser.Refusal e = assertThrows(BoundedJsonParser.Refusal.class, () -> read("[\"\\ud800\\ud800\"]", JsonArray.class));
        assertTrue(e.getMessage().contains("\\ud800 is half of a character"), e.getMessage());
        assertEquals("a\uD83D\uDE00b", read("[\"a\\ud83d\\ude00b\"]", JsonArray.class).getString(0), "an escaped pair");
        assertEquals("a\uD83D\uDE00b", read("[\"a\uD83D\uDE00b\"]", JsonArray.class).getString(0), "the character itself");
    }

    @Test
    void theParsersComplaintIsSaidInWordsAfterItsPlace() {
        assertMessage("Malformed JSON at line 1, column 2: unexpected character \"'\"", "{'a':1}", JsonObject.class);
        assertMessage("Malformed JSON at line 1, column 9: unexpected character \"}\", expecting 'e'", "{\"a\":tru}", JsonObject.class);
        assertMessage("Malformed JSON at line 1, column 4: \"]\" where a value should be", "[1,]", JsonArray.class);
        assertMessage("Malformed JSON at line 1, column 6: a number where \":\" should be", "{\"a\" 1}", JsonObject.class);
        assertEquals("the end of the body where a value should be", BoundedJsonParser.plain(
                "Invalid token=EOF at (line no=1, column no=24, offset=23). Expected tokens are: [CURLYOPEN, SQUAREOPEN, STRING, NUMBER, TRUE, FALSE, NULL]"));
        assertEquals("unexpected character U+0001", BoundedJsonParser.plain("Unexpected char 1 at (line no=1, column no=1, offset=0)"));
        assertEquals("something else", BoundedJsonParser.plain("something else at (line no=1, column no=1, offset=0)"));
    }

    private <T extends JsonValue> T read(String json, Class<T> kind) {
        return parser.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), kind);
    }

    private void assertMessage(String start, String json, Class<? extends JsonValue> kind) {
        BoundedJsonParser.Refusal e = assertThrows(BoundedJsonParser.Refusal.class, () -> read(json, kind));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    private static int depth(JsonValue value) {
        return value instanceof JsonArray array ? 1 + array.stream().mapToInt(BoundedJsonParserTest::depth).max().orElse(0) : 0;
    }
}
