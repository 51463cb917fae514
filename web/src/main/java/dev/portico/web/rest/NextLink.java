package dev.portico.web.rest;

import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** The link to the next page of a listing read by key ({@code after}), for customers and rentals alike. */
final class NextLink {

    /** The 400 for a request that gives both: a page continues after a row or skips an offset. */
    static final String NOT_WITH_OFFSET = "offset and after do not go together: after continues where the page before ended";

    private NextLink() {
    }

    /**
     * The request's own URI, its filters and sort kept, continuing {@code after} the cursor of the page's last row
     * with the same {@code limit}; any offset dropped. The cursor is encoded whatever it holds ({@code %}, braces).
     */
    static URI after(UriInfo uri, String cursor, int limit) {
        return uri.getRequestUriBuilder().replaceQueryParam("offset").replaceQueryParam("after", "{after}").replaceQueryParam("limit", limit)
                .build(cursor);
    }
}
