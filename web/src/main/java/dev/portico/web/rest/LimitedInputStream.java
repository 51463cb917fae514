package dev.portico.web.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that may not exceed its limit: reading past it throws {@link BodyTooLarge}, before the extra bytes are kept. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String variable;
    private long read;

    LimitedInputStream(InputStream in, long limit, String variable) {
        super(in);
        this.limit = limit;
        this.variable = variable;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - read + 1));
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new BodyTooLarge(limit, variable);
        }
    }
}
