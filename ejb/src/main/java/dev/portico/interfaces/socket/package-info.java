/**
 * Message-driven beans behind the socket listeners: each turns its protocol's typed requests
 * into application service calls and the outcomes into typed replies.
 */
package dev.portico.interfaces.socket;
