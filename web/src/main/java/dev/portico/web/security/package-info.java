/**
 * Sign-in for the console and the JSON API: one authentication mechanism (form login for pages, HTTP
 * Basic for the API), the identity store on the account service, failed-login slow-down; and what
 * guards every request of the web module: the allowed host names (421 otherwise), the outer bound on
 * request bodies, TRACE refused, the security headers every response carries, the error page, and the
 * server.xml settings these read ({@link dev.portico.web.security.WebSettings}).
 */
package dev.portico.web.security;
