/** Console and API accounts: names, roles and password checks. */
package dev.portico.domain.account;
