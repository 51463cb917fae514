package dev.portico.web.rest;

import dev.portico.web.security.WebSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import jakarta.json.JsonValue;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads every JSON request body ({@code JsonValue}, {@code JsonObject}, {@code JsonArray} parameters)
 * within the nesting and number-size limits; whatever is malformed, too deep, too long a number or
 * not the kind of value the endpoint takes is a 400 that says so.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class JsonBodyReader implements MessageBodyReader<JsonValue> {

    @Inject
    private WebSettings settings;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonValue.class.isAssignableFrom(type);
    }

    @Override
    public JsonValue readFrom(Class<JsonValue> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                              MultivaluedMap<String, String> headers, InputStream body) {
        try {
            return new BoundedJsonParser(settings.maxJsonDepth(), settings.maxJsonNumberLength()).read(body, type);
        } catch (BoundedJsonParser.Refusal e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
