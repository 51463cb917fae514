/**
 * Customer data files sent over HTTP, as the JSON API's import body or the console's upload: split
 * into lines in one place, imported in batches, reported within bounds and logged once per import.
 */
package dev.portico.web.datafile;
