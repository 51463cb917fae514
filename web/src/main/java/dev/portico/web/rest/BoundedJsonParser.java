package dev.portico.web.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one JSON document with bounded nesting and bounded numbers (digits and exponent), so that
 * no body can make the server recurse deeply or compute with huge numbers. Every problem is a
 * {@link Refusal} whose message says what was wrong and where.
 */
final class BoundedJsonParser {

    /** JSON that cannot be used, with a message for the client. */
    static final class Refusal extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    static final String NOT_UTF8 = "The body is not UTF-8: send JSON as UTF-8 (RFC 8259)";

    private final int maxDepth;
    private final int maxNumberLength;

    BoundedJsonParser(int maxDepth, int maxNumberLength) {
        this.maxDepth = maxDepth;
        this.maxNumberLength = maxNumberLength;
    }

    /** The body's one JSON value (UTF-8, as RFC 8259 requires between systems), which must be of the given kind ({@code JsonObject}, {@code JsonArray} or any {@code JsonValue}). */
    <T extends JsonValue> T read(InputStream body, Class<T> kind) {
        JsonValue value;
        // Strict (a new decoder reports, where a Charset replaces): bytes that are not UTF-8 are refused, not read as
        // U+FFFD (two names differing only there would be one).
        PushbackReader text = new PushbackReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()));
        if (blank(text)) {
            throw new Refusal("The body is empty: send " + expected(kind));
        }
        try (JsonParser parser = Json.createParser(text)) {
            value = value(parser, parser.next(), 1);
            if (parser.hasNext()) {
                throw new Refusal("Malformed JSON: more follows the value at " + parser.getLocation().getStreamOffset());
            }
        } catch (JsonParsingException e) {
            throw new Refusal("Malformed JSON at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ": " + ErrorResponses.cut(plain(e.getMessage())));
        } catch (JsonException | NoSuchElementException | IllegalStateException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new Refusal(NOT_UTF8);
            }
            throw new Refusal("Malformed JSON: " + ErrorResponses.cut(e.getMessage()));
        }
        if (!kind.isInstance(value)) {
            throw new Refusal("Send " + expected(kind) + ", not " + describe(value));
        }
        return kind.cast(value);
    }

    /**
     * The JSON parser's complaint in words ({@code Unexpected char 39 at (line no=1, column no=2, offset=1)} becomes
     * {@code unexpected character "'"}; {@code Invalid token=EOF at (...). Expected tokens are: [...]} becomes {@code
     * the end of the body where a value should be}); the place is said before it. Another message is kept, less its place.
     */
    static String plain(String message) {
        String said = String.valueOf(message).replaceAll(" at \\(line no=\\d+, column no=\\d+, offset=\\d+\\)", "");
        Matcher character = UNEXPECTED_CHAR.matcher(said);
        if (character.matches()) {
            int c = Integer.parseInt(character.group(1));
            String shown = c < 0x20 || c == 0x7f ? String.format("U+%04X", c) : "\"" + new String(Character.toChars(c)) + "\"";
            return "unexpected character " + shown + character.group(2);
        }
        Matcher token = INVALID_TOKEN.matcher(said);
        if (token.matches()) {
            List<String> expected = List.of(token.group(2).split(", "));
            String wanted = expected.containsAll(VALUE_TOKENS) ? "a value"
                    : String.join(" or ", expected.stream().map(BoundedJsonParser::token).toList());
            return token(token.group(1)) + " where " + wanted + " should be";
        }
        return said;
    }

    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected char (\\d{1,7})(.*)", Pattern.DOTALL);
    private static final Pattern INVALID_TOKEN = Pattern.compile("Invalid token=(\\w+)\\. Expected tokens are: \\[([\\w, ]*)]");
    private static final List<String> VALUE_TOKENS = List.of("CURLYOPEN", "SQUAREOPEN", "STRING", "NUMBER", "TRUE", "FALSE", "NULL");

    /** A parser token's name as the text it stands for. */
    private static String token(String name) {
        return switch (name) {
            case "EOF" -> "the end of the body";
            case "CURLYOPEN" -> "\"{\"";
            case "CURLYCLOSE" -> "\"}\"";
            case "SQUAREOPEN" -> "\"[\"";
            case "SQUARECLOSE" -> "\"]\"";
            case "COLON" -> "\":\"";
            case "COMMA" -> "\",\"";
            case "STRING" -> "a string";
            case "NUMBER" -> "a number";
            case "TRUE", "FALSE", "NULL" -> name.toLowerCase(java.util.Locale.ROOT);
            default -> name;
        };
    }

    /** Whether only white space is left; else the first other character is pushed back. */
    private static boolean blank(PushbackReader text) {
        try {
            for (int c = text.read(); c != -1; c = text.read()) {
                if (!Character.isWhitespace(c)) {
                    text.unread(c);
                    return false;
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            throw new Refusal(NOT_UTF8);
        } catch (IOException e) {
            throw new Refusal("The body could not be read: " + e.getMessage());
        }
    }

    private JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
        switch (event) {
            case START_OBJECT:
                return object(parser, depth);
            case START_ARRAY:
                return array(parser, depth);
            case VALUE_STRING:
                return Json.createValue(wholeCharacters(parser));
            case VALUE_NUMBER:
                return number(parser.getString());
            case VALUE_TRUE:
                return JsonValue.TRUE;
            case VALUE_FALSE:
                return JsonValue.FALSE;
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw new Refusal("Malformed JSON: unexpected " + event);
        }
    }

    /**
     * The parser's string, refused if an escape left half of a character in it ({@code "\ud800"}): no Unicode text holds
     * a lone surrogate, and MariaDB would have stored a question mark instead.
     */
    private static String wholeCharacters(JsonParser parser) {
        String text = parser.getString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Refusal(String.format("Malformed JSON before offset %d: \\u%04x is half of a character (a lone surrogate);"
                        + " send whole characters", parser.getLocation().getStreamOffset(), (int) c));
            }
        }
        return text;
    }

    private JsonObject object(JsonParser parser, int depth) {
        checkDepth(depth);
        JsonObjectBuilder object = Json.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String key = wholeCharacters(parser);
            if (!keys.add(key)) {
                throw new Refusal("Malformed JSON: \"" + ErrorResponses.cut(key) + "\" appears twice in one object; send each member once");
            }
            object.add(key, value(parser, parser.next(), depth + 1));
        }
        return object.build();
    }

    private JsonArray array(JsonParser parser, int depth) {
        checkDepth(depth);
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            array.add(value(parser, event, depth + 1));
        }
        return array.build();
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw new Refusal("JSON nested too deeply: at most " + maxDepth + " levels of arrays and objects");
        }
    }

    private JsonValue number(String text) {
        if (text.length() > maxNumberLength) {
            throw new Refusal("JSON number too long: " + text.length() + " characters, at most " + maxNumberLength);
        }
        BigDecimal number = new BigDecimal(text);
        if (Math.abs((long) number.scale()) > maxNumberLength) {
            throw new Refusal("JSON number too large or too small: at most " + maxNumberLength + " digits either side of the point");
        }
        return Json.createValue(number);
    }

    private static String expected(Class<?> kind) {
        return kind == JsonObject.class ? "a JSON object" : kind == JsonArray.class ? "a JSON array" : "a JSON value";
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }
}
