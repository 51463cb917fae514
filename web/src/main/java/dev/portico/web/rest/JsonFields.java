package dev.portico.web.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;

import java.util.ArrayList;
import java.util.List;

/** Members of a JSON request body as the services take them: text, or lists of text; a member of the wrong kind is a 400 naming it. */
final class JsonFields {

    private JsonFields() {
    }

    /**
     * Refuses a body with a member the request does not take (a misspelt "adress" would otherwise be dropped without a
     * word), naming it and the members it takes.
     */
    static void only(JsonObject body, String... members) {
        List<String> taken = List.of(members);
        for (String name : body.keySet()) {
            if (!taken.contains(name)) {
                throw new BadRequestException("Unknown member \"" + ErrorResponses.cut(name) + "\": send only " + String.join(", ", members));
            }
        }
    }

    /** A string member (a number is taken as its text); {@code ""} when absent or null. */
    static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        return text(value, name);
    }

    /** A string member that must be present. */
    static String required(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            throw new BadRequestException("Send \"" + name + "\": it is missing");
        }
        return text(value, name);
    }

    /** An array of strings (numbers taken as their text) that must be present. */
    static List<String> texts(JsonObject body, String name) {
        if (!(body.get(name) instanceof JsonArray array)) {
            throw new BadRequestException("Send \"" + name + "\" as a JSON array of strings");
        }
        List<String> texts = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            texts.add(text(array.get(i), name + "[" + i + "]"));
        }
        return texts;
    }

    private static String text(JsonValue value, String name) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        throw new BadRequestException("\"" + name + "\" must be a string, not " + value.getValueType().toString().toLowerCase());
    }
}
