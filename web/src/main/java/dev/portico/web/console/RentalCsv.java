package dev.portico.web.console;

import dev.portico.domain.rental.RentalRecord;
import dev.portico.web.csv.CsvField;

import java.time.format.DateTimeFormatter;

/**
 * Rentals as CSV lines (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or
 * line break quoted, quotes doubled). A renter name that a spreadsheet would read as a formula
 * (starting with {@code = + - @}, tab or CR) is prefixed with {@code '}.
 */
public final class RentalCsv {

    public static final String HEADER = "id,renter,gender,car_model,mileage_km,time_in,time_out\r\n";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RentalCsv() {
    }

    public static String line(RentalRecord rental) {
        return rental.id() + "," + field(rental.renter()) + "," + rental.gender() + "," + rental.carModel() + "," + rental.mileageKm()
                + "," + TIME.format(rental.timeIn()) + "," + TIME.format(rental.timeOut()) + "\r\n";
    }

    /** One text field, quoted when it must be, defused when a spreadsheet would run it. */
    static String field(String text) {
        return CsvField.of(text);
    }
}
