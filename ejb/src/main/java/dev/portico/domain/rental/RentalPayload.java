package dev.portico.domain.rental;

import dev.portico.text.PythonRepr;
import dev.portico.text.PythonText;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates an intake payload given as typed plain data ({@link SentValue}: what a pickle or JSON
 * decodes to): {@code {'users': [(name, gender)], 'CarStatus': [(car, mileage)],
 * 'Time_Rent': [(time_in, time_out)]}}. Entry i of the three lists is one rental. The first
 * problem found is reported; rentals are checked in order, each field by field.
 */
public final class RentalPayload {

    public static final int MAX_RENTALS = 1000;
    public static final int MAX_NAME_LENGTH = 50;
    /** The most characters of a value a message echoes; a longer value is cut and its length given. */
    public static final int ECHO_LIMIT = 60;
    private static final List<String> KEYS = List.of("users", "CarStatus", "Time_Rent");
    private static final Pattern MILEAGE = Pattern.compile("([0-9]+) ?(?:KM|km)?");
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendPattern("-MM-dd HH:mm")
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private RentalPayload() {
    }

    public static List<RentalDraft> rentals(SentValue payload) throws InvalidRentalException {
        if (!(payload instanceof SentValue.Mapping map)) {
            throw new InvalidRentalException("payload must be a dict with 'users', 'CarStatus' and 'Time_Rent', got " + typeName(payload));
        }
        List<List<SentValue>> lists = new ArrayList<>();
        for (String key : KEYS) {
            SentValue value = map.get(key);
            if (value == null) {
                throw new InvalidRentalException("payload has no '" + key + "' list");
            }
            if (!(value instanceof SentValue.Items list)) {
                throw new InvalidRentalException("'" + key + "' must be a list, got " + typeName(value));
            }
            lists.add(list.items());
        }
        int count = lists.get(0).size();
        if (lists.get(1).size() != count || lists.get(2).size() != count) {
            throw new InvalidRentalException("'users', 'CarStatus' and 'Time_Rent' must have the same length, got "
                    + count + ", " + lists.get(1).size() + ", " + lists.get(2).size());
        }
        if (count < 1 || count > MAX_RENTALS) {
            throw new InvalidRentalException("a request holds 1 to " + MAX_RENTALS + " rentals, got " + count);
        }
        List<RentalDraft> rentals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<SentValue> user = pair(lists.get(0).get(i), "users[" + i + "]", "(name, gender)");
            List<SentValue> car = pair(lists.get(1).get(i), "CarStatus[" + i + "]", "(car_model, mileage)");
            List<SentValue> time = pair(lists.get(2).get(i), "Time_Rent[" + i + "]", "(time_in, time_out)");
            String where = "users[" + i + "]: ";
            String name = name(user.get(0), where);
            char gender = gender(user.get(1), where);
            where = "CarStatus[" + i + "]: ";
            CarModel model = car(car.get(0), where);
            int mileage = mileage(car.get(1), where);
            where = "Time_Rent[" + i + "]: ";
            LocalDateTime in = time(time.get(0), where + "time_in");
            LocalDateTime out = time(time.get(1), where + "time_out");
            if (out.isBefore(in)) {
                throw new InvalidRentalException(where + "time_out " + echo(((SentValue.Text) time.get(1)).text()) + " is before time_in "
                        + echo(((SentValue.Text) time.get(0)).text()));
            }
            rentals.add(new RentalDraft(name, gender, model, mileage, in, out));
        }
        return rentals;
    }

    private static List<SentValue> pair(SentValue value, String where, String shape) throws InvalidRentalException {
        if (!(value instanceof SentValue.Items pair) || pair.size() != 2) {
            throw new InvalidRentalException(where + " must be a " + shape + " pair, got " + describe(value));
        }
        return pair.items();
    }

    private static String name(SentValue value, String where) throws InvalidRentalException {
        String name = PythonText.strip(text(value, where + "name"));
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new InvalidRentalException(where + "name must be 1 to " + MAX_NAME_LENGTH + " characters, got " + repr(value));
        }
        return name;
    }

    private static char gender(SentValue value, String where) throws InvalidRentalException {
        if (value instanceof SentValue.Text text && (text.text().equalsIgnoreCase("M") || text.text().equalsIgnoreCase("F"))) {
            String s = text.text();
            return Character.toUpperCase(s.charAt(0));
        }
        throw new InvalidRentalException(where + "gender must be M or F, got " + repr(value));
    }

    private static CarModel car(SentValue value, String where) throws InvalidRentalException {
        if (value instanceof SentValue.Text text) {
            var model = CarModel.parse(text.text());
            if (model.isPresent()) {
                return model.get();
            }
        }
        throw new InvalidRentalException(where + "car must be Corolla, Kancil or Axia, got " + repr(value));
    }

    private static int mileage(SentValue value, String where) throws InvalidRentalException {
        String problem = where + "mileage must be a whole number of kilometres (e.g. 10, 10KM, 10 km), got " + repr(value);
        BigInteger km;
        if (value instanceof SentValue.Whole whole) {
            km = whole.number();
        } else if (value instanceof SentValue.Text text) {
            Matcher m = MILEAGE.matcher(PythonText.strip(text.text()));
            if (!m.matches()) {
                throw new InvalidRentalException(problem);
            }
            String digits = m.group(1).replaceFirst("^0+(?=[0-9])", "");
            if (digits.length() > 18) {
                // implausible like any number over the int range, and told so without BigInteger's superlinear parse and print
                throw new InvalidRentalException(where + "mileage " + echo(digits) + " km is not plausible");
            }
            km = new BigInteger(digits);
        } else {
            throw new InvalidRentalException(problem);
        }
        if (km.signum() < 0) {
            throw new InvalidRentalException(problem);
        }
        if (km.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new InvalidRentalException(where + "mileage " + echo(km.toString()) + " km is not plausible");
        }
        return km.intValue();
    }

    private static LocalDateTime time(SentValue value, String what) throws InvalidRentalException {
        LocalDateTime time;
        try {
            time = LocalDateTime.parse(PythonText.strip(text(value, what)), TIME);
        } catch (DateTimeParseException e) {
            throw new InvalidRentalException(what + " must be a time as YYYY-MM-DD HH:mm:ss, got " + repr(value));
        }
        if (!RentalTimes.storable(time)) {
            throw new InvalidRentalException(what + " must be from " + RentalTimes.FIRST_TEXT + " to " + RentalTimes.LAST_TEXT
                    + ", got " + repr(value));
        }
        return time;
    }

    private static String text(SentValue value, String what) throws InvalidRentalException {
        if (value instanceof SentValue.Text text) {
            return text.text();
        }
        throw new InvalidRentalException(what + " must be a string, got " + describe(value));
    }

    /**
     * A value as Python would show it in a message: strings as {@code repr} writes them (so a reply
     * stays one line), None, True/False, numbers as they are; cut to {@link #ECHO_LIMIT} characters,
     * so a reply never grows with what the client sent.
     */
    static String repr(SentValue value) {
        if (value instanceof SentValue.Text text) {
            String s = text.text();
            String shown = cut(s);
            return shown.equals(s) ? PythonRepr.string(s)
                    : PythonRepr.string(shown.substring(0, shown.length() - 3)) + shown.substring(shown.length() - 3) + lengthNote(s);
        } else if (value instanceof SentValue.Nothing) {
            return "None";
        } else if (value instanceof SentValue.Truth truth) {
            return truth.value() ? "True" : "False";
        } else if (value instanceof SentValue.Whole whole) {
            return echo(whole.number().toString());
        } else if (value instanceof SentValue.Real real) {
            return echo(Double.toString(real.number()));
        }
        return "a " + typeName(value);
    }

    /** A value's text as it is, cut as {@link #repr} cuts it, unquoted. */
    private static String echo(String text) {
        return cut(text) + lengthNote(text);
    }

    /** The text, or its first {@link #ECHO_LIMIT} code points and {@code ...} when it is longer. */
    static String cut(String text) {
        if (text.length() <= ECHO_LIMIT || text.codePointCount(0, text.length()) <= ECHO_LIMIT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, ECHO_LIMIT)) + "...";
    }

    private static String lengthNote(String text) {
        int length = text.codePointCount(0, text.length());
        return length <= ECHO_LIMIT ? "" : " (" + length + " characters)";
    }

    private static String describe(SentValue value) {
        if (value instanceof SentValue.Items list) {
            return "a " + list.size() + "-item list";
        }
        return value instanceof SentValue.Mapping || value instanceof SentValue.Bytes ? "a " + typeName(value) : repr(value);
    }

    /** Python's name for the type of a value. */
    static String typeName(SentValue value) {
        if (value instanceof SentValue.Nothing) {
            return "NoneType";
        } else if (value instanceof SentValue.Text) {
            return "str";
        } else if (value instanceof SentValue.Truth) {
            return "bool";
        } else if (value instanceof SentValue.Whole) {
            return "int";
        } else if (value instanceof SentValue.Real) {
            return "float";
        } else if (value instanceof SentValue.Bytes) {
            return "bytes";
        } else if (value instanceof SentValue.Mapping) {
            return "dict";
        }
        return "list";
    }
}
