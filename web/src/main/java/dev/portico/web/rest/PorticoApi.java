package dev.portico.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API's root: {@code /api}. */
@ApplicationPath("/api")
public class PorticoApi extends Application {
}
