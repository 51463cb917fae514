package dev.portico.web.rest;

import dev.portico.application.RentalIntakeService;
import dev.portico.application.RentalReports;
import dev.portico.application.RentalSearch;
import dev.portico.domain.rental.InvalidRentalException;
import dev.portico.domain.rental.RentalQuery;
import dev.portico.domain.rental.RentalRecord;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Car-rental intake over HTTP (the socket protocol's payload as JSON, same validation), the rental list (streamed) and the reports. */
@Path("rentals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rentals", description = "Car-rental intake (the rental socket's payload as JSON), the rental list and the reports")
@APIResponse(responseCode = "401", ref = "Unauthorized")
public class RentalResource {

    private static final String PAYLOAD = "{\"users\":[[\"Ada\",\"F\"]],\"CarStatus\":[[\"Axia\",\"1200\"]],"
            + "\"Time_Rent\":[[\"2024-05-01 09:00\",\"2024-05-02 09:00\"]]}";
    private static final String RENTAL = "{\"id\":1,\"renter\":\"Ada\",\"gender\":\"F\",\"carModel\":\"Axia\",\"mileageKm\":1200,"
            + "\"timeIn\":\"2024-05-01T09:00:00\",\"timeOut\":\"2024-05-02T09:00:00\"}";

    @EJB
    private RentalIntakeService intake;

    @EJB
    private RentalReports reports;

    @EJB
    private RentalSearch search;

    /**
     * Stores rentals sent as {@code {"users": [[name, gender]], "CarStatus": [[car, mileage]],
     * "Time_Rent": [[time_in, time_out]]}}: all of them (201) or none (422 with the first problem). A batch has no
     * single new resource, so the 201 carries no Location.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stores rentals", description = "The rental socket's payload as JSON, with its rules: all of them or none.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "payload", value = PAYLOAD)))
    @APIResponse(responseCode = "201", description = "How many were stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "stored", value = "{\"stored\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "ContentTooLarge")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response intake(JsonValue body) throws InvalidRentalException {
        int stored = intake.intake(sent(body));
        return Response.status(Response.Status.CREATED).entity(Map.of("stored", stored)).build();
    }

    /**
     * The rentals whose time in falls from {@code from} to {@code to} (ISO dates, inclusive; every
     * rental when absent), optionally of one {@code car}, {@code gender} and {@code renter} name
     * prefix, oldest first, as a JSON array streamed a page at a time; 400 for a bad parameter. With
     * {@code offset}, {@code after} or {@code limit} (1 to 1000, default 100): that page only, with a Link to
     * the next, which continues {@code after} the page's last rental (keyset: as fast a million deep).
     */
    @GET
    @Operation(summary = "The rentals a filter selects, oldest first", description = "from, to (ISO dates, inclusive), car, gender, "
            + "renter (name prefix). Without offset, after and limit: all of them, streamed a keyset page at a time. With limit "
            + "(1-1000, default 100) and offset or after: that page, with a Link to the next, which continues after this page's "
            + "last rental (after: its time in and id, as the link gives it; as fast however deep, where an offset is skipped).")
    @APIResponse(responseCode = "200", description = "Rentals", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "rentals", value = "[" + RENTAL + "]")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @Parameter(in = ParameterIn.QUERY, name = "from", description = "First day of time in (ISO date, inclusive)", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @Parameter(in = ParameterIn.QUERY, name = "to", description = "Last day of time in (ISO date, inclusive)", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @Parameter(in = ParameterIn.QUERY, name = "car", description = "Car model, any case", schema = @Schema(type = SchemaType.STRING))
    @Parameter(in = ParameterIn.QUERY, name = "gender", description = "M or F", schema = @Schema(type = SchemaType.STRING, enumeration = {"M", "F"}))
    @Parameter(in = ParameterIn.QUERY, name = "renter", description = "Renter name prefix, any case", schema = @Schema(type = SchemaType.STRING))
    @Parameter(in = ParameterIn.QUERY, name = "offset", description = "Rentals to skip (not with after)", schema = @Schema(type = SchemaType.INTEGER))
    @Parameter(in = ParameterIn.QUERY, name = "after", description = "Where the next page begins, as a Link: rel=\"next\" gives it",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = "Page size, 1-1000 (default 100)", schema = @Schema(type = SchemaType.INTEGER))
    public Response list(@Context UriInfo uri) {
        RentalQuery query = query(uri);
        if (!paged(uri.getQueryParameters())) {
            return Response.ok(RentalListing.json(search, query)).build();
        }
        return page(uri, query, page -> Response.ok(RentalListing.json(page)));
    }

    private static boolean paged(MultivaluedMap<String, String> parameters) {
        return parameters.containsKey("offset") || parameters.containsKey("limit") || parameters.containsKey("after");
    }

    /** The page offset or after and limit ask for, with a Link to the next when it is full. */
    private Response page(UriInfo uri, RentalQuery query, Function<List<RentalRecord>, Response.ResponseBuilder> answering) {
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        boolean keyset = parameters.containsKey("after");
        if (keyset && parameters.containsKey("offset")) {
            throw new BadRequestException(NextLink.NOT_WITH_OFFSET);
        }
        int limit = (int) QueryNumbers.parse("limit", parameters.getFirst("limit") == null ? "100" : parameters.getFirst("limit"), 1, RentalSearch.MAX_PAGE);
        List<RentalRecord> page;
        if (keyset) {
            RentalRecord after;
            try {
                after = RentalCursor.parse(parameters.getFirst("after"));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
            page = search.after(query, after, limit);
        } else {
            int offset = (int) QueryNumbers.parse("offset", parameters.getFirst("offset") == null ? "0" : parameters.getFirst("offset"), 0, Integer.MAX_VALUE);
            page = search.page(query, false, offset, limit);
        }
        Response.ResponseBuilder answer = answering.apply(page);
        if (page.size() == limit) {
            answer.link(NextLink.after(uri, RentalCursor.of(page.get(page.size() - 1)), limit), "next");
        }
        return answer.build();
    }

    /** The same list as CSV ({@code Accept: text/csv}), as the console's download writes it. */
    @GET
    @Produces("text/csv;qs=0.5")
    @Operation(summary = "The same rentals as CSV", description = "Accept: text/csv, as the console's download writes it; with offset, "
            + "after or limit, that page, as for JSON.")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv"))
    public Response listAsCsv(@Context UriInfo uri) {
        RentalQuery query = query(uri);
        if (paged(uri.getQueryParameters())) {
            return page(uri, query, page -> Response.ok(RentalListing.csv(page), "text/csv;charset=UTF-8"));
        }
        return Response.ok(RentalListing.csv(search, query), "text/csv;charset=UTF-8")
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
    @Operation(summary = "Rentals per car model")
    @APIResponse(responseCode = "200", description = "Counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "counts", value = "{\"Axia\":3,\"Myvi\":1}")))
    public Map<String, Long> perCarModel() {
        return reports.rentalsPerCarModel();
    }

    @GET
    @Path("reports/genders")
    @Operation(summary = "Rentals per renter's gender")
    @APIResponse(responseCode = "200", description = "Counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "counts", value = "{\"F\":2,\"M\":2}")))
    public Map<String, Long> perGender() {
        return reports.rentalsPerGender();
    }

    @GET
    @Path("reports/mileage")
    @Operation(summary = "Mileage summary of all rentals")
    @APIResponse(responseCode = "200", description = "Mileage figures (averageKm is left out while there are no rentals)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "rentals", type = SchemaType.INTEGER, format = "int64"),
                    @SchemaProperty(name = "totalKm", type = SchemaType.INTEGER, format = "int64"),
                    @SchemaProperty(name = "averageKm", type = SchemaType.NUMBER, format = "double")}),
            examples = @ExampleObject(name = "mileage", value = "{\"rentals\":4,\"totalKm\":1200,\"averageKm\":300.0}")))
    public RentalReports.MileageSummary mileage() {
        return reports.mileage();
    }

    @GET
    @Path("reports/duration")
    @Operation(summary = "Average rental duration")
    @APIResponse(responseCode = "200", description = "Seconds", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "duration", value = "{\"averageSeconds\":86400.0}")))
    public Map<String, Double> duration() {
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("averageSeconds", reports.averageDurationSeconds());
        return result;
    }

    /**
     * Rentals per day between {@code from} and {@code to} (inclusive, ISO dates the store can hold, at most
     * {@link RentalReports#MAX_PER_DAY_DAYS} days); 400 otherwise.
     */
    @GET
    @Path("reports/per-day")
    @Operation(summary = "Rentals per day from one date to another (inclusive)", description = "At most "
            + RentalReports.MAX_PER_DAY_DAYS + " days (ten years) at a time; days without rentals are left out.")
    @APIResponse(responseCode = "200", description = "Counts by day", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "days", value = "{\"2024-05-01\":1,\"2024-05-03\":2}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Map<LocalDate, Long> perDay(@QueryParam("from") String from, @QueryParam("to") String to) {
        RentalQuery query;
        try {
            query = RentalReports.perDayRange(RentalQuery.between(LocalDate.parse(from), LocalDate.parse(to)));
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
