/** Start-up work for sign-in: the first admin account. */
package dev.portico.infrastructure.security;
