/**
 * The runnable server ({@code java -jar portico-server.jar}): Liberty's runnable package of the Portico server with
 * the embedded MariaDB started first when no other database is configured. Build tooling around Liberty; no
 * application code.
 */
package dev.portico.runnable;
