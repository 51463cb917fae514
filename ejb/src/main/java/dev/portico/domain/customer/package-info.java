/**
 * The customer directory's model: the customer record, its validation rules, the data-file line
 * format, the repository and store contracts and the typed business failures.
 */
package dev.portico.domain.customer;
