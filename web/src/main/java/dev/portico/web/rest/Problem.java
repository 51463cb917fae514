package dev.portico.web.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/**
 * An error as {@code application/problem+json} (RFC 9457): {@code type}, {@code title}, {@code status},
 * {@code detail} and {@code instance} (the request's path). Plain HTTP failures have the type
 * {@code about:blank} and the status's own title; Portico's own kinds have a {@code urn:portico:problem:} type.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A name (customer, database, table, column) already taken: 409. */
    public static final String DUPLICATE = "urn:portico:problem:duplicate";
    /** A value that breaks a rule of the data (customer, FeatherBase, rental): 422. */
    public static final String RULE_VIOLATION = "urn:portico:problem:rule-violation";
    /** An import stopped part way: 409 (503 when the database failed it), with how many lines were stored. */
    public static final String IMPORT_STOPPED = "urn:portico:problem:import-stopped";
    /** If-Match named a version that is no longer the current one: 412. */
    public static final String STALE = "urn:portico:problem:stale";
    /** 503: the database is unreachable or the request lost a conflict with a concurrent change; nothing was changed. */
    public static final String DATABASE_FAILURE = "urn:portico:problem:database-failure";

    private Problem() {
    }

    /** The problem document as JSON text. */
    public static String json(int status, String type, String detail, String instance) {
        return builder(status, type, detail, instance).build().toString();
    }

    /** The problem document, for adding extension members. */
    public static JsonObjectBuilder builder(int status, String type, String detail, String instance) {
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", type == null ? "about:blank" : type)
                .add("title", title(status, type))
                .add("status", status)
                .add("detail", detail == null ? title(status, null) : detail);
        if (instance != null) {
            problem.add("instance", instance);
        }
        return problem;
    }

    /** A response carrying the problem document. */
    public static Response response(int status, String type, String detail, String instance) {
        return Response.status(status).type(MEDIA_TYPE).entity(json(status, type, detail, instance)).build();
    }

    /** The short summary that is the same for every occurrence of the type. */
    static String title(int status, String type) {
        if (type != null) {
            switch (type) {
                case DUPLICATE:
                    return "Already exists";
                case RULE_VIOLATION:
                    return "Breaks a rule of the data";
                case IMPORT_STOPPED:
                    return "Import stopped";
                case STALE:
                    return "Changed since you read it";
                case DATABASE_FAILURE:
                    return "The database failed the request";
                default:
                    break;
            }
        }
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 411 -> "Length Required";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 421 -> "Misdirected Request";
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Request failed";
        };
    }
}
