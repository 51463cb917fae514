/**
 * Application services: the use cases every channel (sockets, HTTP, console) calls, with the
 * plain views they return. Implementations are in {@code application.internal}.
 */
package dev.portico.application;
