package dev.portico.web.console;

import dev.portico.domain.rental.CarModel;
import dev.portico.domain.rental.RentalQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * A rental query as URL parameters ({@code from}, {@code to} as ISO dates; optional {@code car},
 * {@code gender}, {@code renter}) and back: the rentals page's export link and the export's request.
 */
public final class RentalFilterParameters {

    private RentalFilterParameters() {
    }

    static String queryString(RentalQuery query) {
        StringJoiner params = new StringJoiner("&");
        params.add("from=" + query.from()).add("to=" + query.to());
        if (query.car() != null) {
            params.add("car=" + query.car().label());
        }
        if (query.gender() != null) {
            params.add("gender=" + query.gender());
        }
        if (query.renterPrefix() != null) {
            params.add("renter=" + URLEncoder.encode(query.renterPrefix(), StandardCharsets.UTF_8));
        }
        return params.toString();
    }

    /** The query that the parameters describe; an IllegalArgumentException says what is wrong with which parameter. */
    public static RentalQuery parse(UnaryOperator<String> parameter) {
        LocalDate from = day(parameter.apply("from"), "from");
        LocalDate to = day(parameter.apply("to"), "to");
        String carText = parameter.apply("car");
        CarModel car = null;
        if (carText != null && !carText.isBlank()) {
            car = CarModel.parse(carText).orElseThrow(() -> new IllegalArgumentException("car must be Corolla, Kancil or Axia, got '" + carText + "'"));
        }
        String genderText = parameter.apply("gender");
        Character gender = null;
        if (genderText != null && !genderText.isBlank()) {
            if (!genderText.equals("M") && !genderText.equals("F")) {
                throw new IllegalArgumentException("gender must be M or F, got '" + genderText + "'");
            }
            gender = genderText.charAt(0);
        }
        return new RentalQuery(from, to, car, gender, parameter.apply("renter"));
    }

    private static LocalDate day(String text, String name) {
        if (text == null) {
            throw new IllegalArgumentException(name + " is required (a date as YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date as YYYY-MM-DD, got '" + text + "'");
        }
    }
}
