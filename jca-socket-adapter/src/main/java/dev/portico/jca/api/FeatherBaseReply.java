package dev.portico.jca.api;

import java.util.List;

/** The answers to FeatherBase commands; every reply goes on the wire followed by EOT ({@code \x04}). */
public sealed interface FeatherBaseReply {

    /** A status word. */
    record Status(Word word) implements FeatherBaseReply { }

    /** A list of names or values, joined by TAB; an empty list is EOT alone. */
    record Values(List<String> values) implements FeatherBaseReply {
        public Values {
            values = List.copyOf(values);
        }
    }

    /** {@code auth} succeeded: the connection acts as this user from now on. */
    record Authenticated(String user) implements FeatherBaseReply { }

    /** The status words of the protocol. */
    enum Word { SUCCESS, NOTFOUND, EXISTS, INVALID, FAILURE, SYNTAXERROR }

    static FeatherBaseReply status(Word word) {
        return new Status(word);
    }
}
