package dev.portico.web.rest;

import jakarta.ws.rs.ClientErrorException;

/** A request body over its limit: 413, saying the limit and the server.xml variable that sets it. */
public class BodyTooLarge extends ClientErrorException {

    private static final long serialVersionUID = 1L;

    public BodyTooLarge(long limit, String variable) {
        super("The request body is larger than " + limit + " bytes, the limit (" + variable + ")", 413);
    }
}
