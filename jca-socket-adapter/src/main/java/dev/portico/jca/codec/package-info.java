/**
 * Framing and syntax of each protocol, in pure Java (no Jakarta imports): bytes in, typed
 * requests out; typed replies in, bytes out. The codecs decide syntax only; meaning belongs to
 * the application.
 */
package dev.portico.jca.codec;
