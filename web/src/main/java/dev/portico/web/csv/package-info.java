/** CSV text shared by the console's and the API's downloads. */
package dev.portico.web.csv;
