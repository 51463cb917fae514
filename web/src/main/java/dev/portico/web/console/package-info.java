/** Backing beans of the Faces admin console, one per screen, each calling the application services. */
package dev.portico.web.console;
