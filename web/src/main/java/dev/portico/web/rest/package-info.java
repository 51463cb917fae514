/**
 * The JSON API under {@code /api}: one resource per subdomain, each calling the application services the
 * sockets use; errors as RFC 9457 problem+json from {@link dev.portico.web.rest.ErrorResponses}; ETags and
 * optional If-Match from {@link dev.portico.web.rest.Versions}; described for mpOpenAPI by annotations and
 * {@code META-INF/openapi.yaml}.
 */
package dev.portico.web.rest;
