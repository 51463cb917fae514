package dev.portico.web.rest;

import jakarta.ws.rs.BadRequestException;

/** Whole numbers in query parameters (paging): a value that is not one, or out of range, is a 400 that names the parameter. */
final class QueryNumbers {

    private QueryNumbers() {
    }

    static long parse(String name, String text, long min, long max) {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException(name + " must be a whole number from " + min + " to " + max + ", got '" + shown(text) + "'");
    }

    /** A query parameter's value as a 400 quotes it: its first 40 characters, "..." marking a cut. */
    static String shown(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
