package dev.portico.jca.transport;

import java.io.IOException;
import java.nio.file.Path;

/** The transport tests' throw-away key store, for tests in other packages. */
public final class TlsKeyStoreForTests {

    private TlsKeyStoreForTests() {
    }

    public static Path keyStore() throws IOException, InterruptedException {
        return TlsTestKeys.keyStore();
    }

    public static String password() {
        return new String(TlsTestKeys.PASSWORD);
    }
}
