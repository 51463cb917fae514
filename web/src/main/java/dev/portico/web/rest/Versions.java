package dev.portico.web.rest;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * ETags of single resources and the If-Match check on their changes. A tag is a digest of what the
 * resource shows, so any change through any channel (a socket client included) gives a new tag
 * without a version column. If-Match is optional: without it a change applies as the sockets' do.
 */
final class Versions {

    /** What the API description says of If-Match. */
    static final String IF_MATCH = "Optional: the ETag this change was based on; a stale one is refused (412) and nothing changes";

    private Versions() {
    }

    /** A strong tag for the given parts (in order; {@code null} counts as empty). */
    static EntityTag of(List<?> parts) {
        return new EntityTag(digest(parts));
    }

    /** The tag's value: 128 bits of SHA-256 over the parts, each ended by a NUL, in hex. */
    static String digest(List<?> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** 412 when the request's If-Match (or If-Unmodified-Since and the like) does not name the current tag. */
    static void requireCurrent(Request request, EntityTag current) {
        Response.ResponseBuilder refused = request.evaluatePreconditions(current);
        if (refused != null) {
            throw stale(current);
        }
    }

    /** The 412 for an If-Match that does not name {@code current}, the tag of the resource as it is now. */
    static ClientErrorException stale(EntityTag current) {
        return new ClientErrorException("If-Match does not name the current version (ETag " + current + "): read it again and retry.",
                Response.status(412).tag(current).build());
    }

    /** A 200 with the entity and its tag, or a 304 when If-None-Match names the current tag. */
    static Response read(Request request, Object entity, EntityTag tag) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            Response answer = notModified.tag(tag).build();
            if (answer.getStatus() != 304) {
                requireCurrent(request, tag);
            }
            return answer;
        }
        return Response.ok(entity).tag(tag).build();
    }
}
