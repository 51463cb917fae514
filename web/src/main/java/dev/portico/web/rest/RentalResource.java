package dev.portico.web.rest;

import dev.portico.application.RentalIntakeService;
import dev.portico.application.RentalReports;
import dev.portico.domain.rental.InvalidRentalException;
import dev.portico.domain.rental.RentalQuery;
import jakarta.ejb.EJB;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Car-rental intake over HTTP (the socket protocol's payload as JSON, same validation) and the rental reports. */
@Path("rentals")
@Produces(MediaType.APPLICATION_JSON)
public class RentalResource {

    @EJB
    private RentalIntakeService intake;

    @EJB
    private RentalReports reports;

    /**
     * Stores rentals sent as {@code {"users": [[name, gender]], "CarStatus": [[car, mileage]],
     * "Time_Rent": [[time_in, time_out]]}}: all of them (201) or none (400 with the first problem).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response intake(JsonValue body) {
        try {
            int stored = intake.intake(plain(body));
            return Response.status(Response.Status.CREATED).entity(Map.of("stored", stored)).build();
        } catch (InvalidRentalException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", e.getMessage())).build();
        }
    }

    @GET
    @Path("reports/car-models")
    public Map<String, Long> perCarModel() {
        return reports.rentalsPerCarModel();
    }

    @GET
    @Path("reports/genders")
    public Map<String, Long> perGender() {
        return reports.rentalsPerGender();
    }

    @GET
    @Path("reports/mileage")
    public RentalReports.MileageSummary mileage() {
        return reports.mileage();
    }

    @GET
    @Path("reports/duration")
    public Map<String, Double> duration() {
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("averageSeconds", reports.averageDurationSeconds());
        return result;
    }

    /** Rentals per day between {@code from} and {@code to} (inclusive, ISO dates the store can hold); 400 otherwise. */
    @GET
    @Path("reports/per-day")
    public Map<LocalDate, Long> perDay(@QueryParam("from") String from, @QueryParam("to") String to) {
        RentalQuery query;
        try {
            query = RentalQuery.between(LocalDate.parse(from), LocalDate.parse(to));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BadRequestException("from and to must be dates as YYYY-MM-DD");
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return reports.rentalsPerDay(query);
    }

    /** JSON as the plain data a pickle decodes to: objects, arrays, strings, whole numbers as Long. */
    private static Object plain(JsonValue value) {
        if (value == null) {
            return null;
        }
        switch (value.getValueType()) {
            case OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, plain(v)));
                return map;
            case ARRAY:
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(v -> list.add(plain(v)));
                return list;
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                JsonNumber number = (JsonNumber) value;
                return number.isIntegral() ? (Object) number.bigIntegerValue() : (Object) number.doubleValue();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
