/** Applies the versioned migrations of the {@code sql} module when the application starts. */
package dev.portico.infrastructure.schema;
