/** Console and API accounts (names, roles, password checks) and the salted password hash FeatherBase users share. */
package dev.portico.domain.account;
