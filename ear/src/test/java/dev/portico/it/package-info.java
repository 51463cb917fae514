/**
 * End-to-end and in-container tests of the assembled EAR on Open Liberty with MariaDB: real
 * sockets, real HTTP, the real database. Coordinates come from system properties set by failsafe.
 */
package dev.portico.it;
