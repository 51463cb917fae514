/**
 * Backing beans of the Faces admin console, one per screen, each calling the application services,
 * with what a screen needs beside them (e.g. the rentals page's chart JSON and its CSV download servlet).
 */
package dev.portico.web.console;
