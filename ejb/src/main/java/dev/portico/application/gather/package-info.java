/**
 * Gathering of concurrent callers' work, so that one caller does it for all: shared by the application's
 * group commits and the persistence layer's gathered reads.
 */
package dev.portico.application.gather;
