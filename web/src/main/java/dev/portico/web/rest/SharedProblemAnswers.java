package dev.portico.web.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * The answers every operation of a kind can give, added to the description once rather than annotated on each: a
 * host name not in {@code portico.http.allowedHosts} (421) anywhere, an Accept header the answer cannot satisfy (406) on
 * every read, a viewer's or a cross-site change (403) on every change, and a body of a media type the call does not take
 * (415) on every call that takes one. Registered in
 * {@code META-INF/microprofile-config.properties} ({@code mp.openapi.filter}); the answers are in {@code openapi.yaml}.
 */
public class SharedProblemAnswers implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openApi.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                APIResponses responses = entry.getValue().getResponses();
                if (responses == null) {
                    continue;
                }
                add(responses, "421", "MisdirectedRequest");
                if (entry.getKey() == PathItem.HttpMethod.GET) {
                    add(responses, "406", "NotAcceptable");
                } else {
                    add(responses, "403", "Forbidden");
                }
                if (entry.getValue().getRequestBody() != null) {
                    add(responses, "415", "UnsupportedMediaType");
                }
            }
        }
    }

    private static void add(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
        }
    }
}
