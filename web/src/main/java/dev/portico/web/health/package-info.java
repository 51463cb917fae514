/**
 * MicroProfile Health checks, served by Liberty at {@code /health/live}, {@code /health/ready} and
 * {@code /health/started} (outside the application's context root, without authentication, for load
 * balancers): each reports UP or DOWN and at most which part is down, never addresses or errors.
 */
package dev.portico.web.health;
