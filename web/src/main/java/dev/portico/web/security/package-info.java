/**
 * Sign-in for the console and the JSON API: one authentication mechanism (form login for pages, HTTP
 * Basic for the API), the identity store on the account service, failed-login slow-down, and the
 * security headers every response carries.
 */
package dev.portico.web.security;
