/**
 * FeatherBase's model: databases, tables with ordered columns, numbered rows, users with
 * per-database grants, the repository contract and the typed refusals that map to status words.
 */
package dev.portico.domain.featherbase;
