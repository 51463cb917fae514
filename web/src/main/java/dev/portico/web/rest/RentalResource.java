package dev.portico.web.rest;

import dev.portico.application.RentalIntakeService;
import dev.portico.application.RentalReports;
import dev.portico.application.RentalSearch;
import dev.portico.domain.rental.InvalidRentalException;
import dev.portico.domain.rental.RentalQuery;
import dev.portico.domain.rental.RentalTimes;
import dev.portico.domain.rental.SentValue;
import dev.portico.web.console.RentalFilterParameters;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Car-rental intake over HTTP (the socket protocol's payload as JSON, same validation), the rental list (streamed) and the reports. */
@Path("rentals")
@Produces(MediaType.APPLICATION_JSON)
public class RentalResource {

    @EJB
    private RentalIntakeService intake;

    @EJB
    private RentalReports reports;

    @EJB
    private RentalSearch search;

    /**
     * Stores rentals sent as {@code {"users": [[name, gender]], "CarStatus": [[car, mileage]],
     * "Time_Rent": [[time_in, time_out]]}}: all of them (201) or none (400 with the first problem).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response intake(JsonValue body) {
        try {
            int stored = intake.intake(sent(body));
            return Response.status(Response.Status.CREATED).entity(Map.of("stored", stored)).build();
        } catch (InvalidRentalException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", e.getMessage())).build();
        }
    }

    /**
     * The rentals whose time in falls from {@code from} to {@code to} (ISO dates, inclusive; every
     * rental when absent), optionally of one {@code car}, {@code gender} and {@code renter} name
     * prefix, oldest first, as a JSON array streamed a page at a time; 400 for a bad parameter.
     */
    @GET
    public StreamingOutput list(@Context UriInfo uri) {
        return RentalListing.json(search, query(uri));
    }

    /** The same list as CSV ({@code Accept: text/csv}), as the console's download writes it. */
    @GET
    @Produces("text/csv;qs=0.5")
    public Response listAsCsv(@Context UriInfo uri) {
        return Response.ok(RentalListing.csv(search, query(uri)), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"rentals.csv\"").build();
    }

    private static RentalQuery query(UriInfo uri) {
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        try {
            return RentalFilterParameters.parse(name -> {
                String value = parameters.getFirst(name);
                if (value == null && name.equals("from")) {
                    return RentalTimes.FIRST_DAY.toString();
                }
                return value == null && name.equals("to") ? RentalTimes.LAST_DAY.toString() : value;
            });
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
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

    /** JSON as the intake's typed values: objects as dicts, arrays as lists, whole numbers as ints, null as None. */
    private static SentValue sent(JsonValue value) {
        if (value == null) {
            return new SentValue.Nothing();
        }
        switch (value.getValueType()) {
            case OBJECT:
                Map<SentValue, SentValue> entries = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> entries.put(new SentValue.Text(k), sent(v)));
                return new SentValue.Mapping(entries);
            case ARRAY:
                List<SentValue> items = new ArrayList<>();
                ((JsonArray) value).forEach(v -> items.add(sent(v)));
                return new SentValue.Items(items);
            case STRING:
                return new SentValue.Text(((JsonString) value).getString());
            case NUMBER:
                JsonNumber number = (JsonNumber) value;
                return number.isIntegral() ? new SentValue.Whole(number.bigIntegerValue()) : new SentValue.Real(number.doubleValue());
            case TRUE:
                return new SentValue.Truth(true);
            case FALSE:
                return new SentValue.Truth(false);
            default:
                return new SentValue.Nothing();
        }
    }
}
