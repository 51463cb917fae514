package dev.portico.jca.codec;

/** What a codec made of the bytes received so far. */
public sealed interface Decoded<Q> {

    /** No complete frame yet. */
    record NeedMore<Q>() implements Decoded<Q> { }

    /** A well-formed request for the application. */
    record Request<Q>(Q request) implements Decoded<Q> { }

    /**
     * A frame the codec answers itself (a syntax error, an empty line, an oversized request):
     * the bytes to send and whether to close the connection after them.
     */
    record Answer<Q>(byte[] reply, boolean close) implements Decoded<Q> { }

    @SuppressWarnings("unchecked")
    static <Q> Decoded<Q> needMore() {
        return (Decoded<Q>) NEED_MORE;
    }

    /** The shared {@link NeedMore} instance. */
    NeedMore<?> NEED_MORE = new NeedMore<>();
}
