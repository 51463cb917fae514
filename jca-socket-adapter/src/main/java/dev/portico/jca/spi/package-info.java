/**
 * The JCA 2.1 side: the resource adapter, the activation spec that configures one listener per
 * message-driven bean, and the delivery of decoded requests to message endpoints.
 */
package dev.portico.jca.spi;
