/** The JSON API under {@code /api}: one resource per subdomain, each calling the application services. */
package dev.portico.web.rest;
