package dev.portico.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The test server's messages.log: what a test's requests made the server write. */
final class ServerLog {

    /** A SEVERE or ERROR entry, or a line of a stack trace. */
    private static final Pattern ERROR_OR_TRACE = Pattern.compile("(?m)^\\[[^\\]]+] \\p{XDigit}{8} .{60} E |^\\tat |^Caused by: ");

    private ServerLog() {
    }

    /** Where the log ends now. */
    static long mark() throws IOException {
        Path log = ItEnvironment.serverLog();
        return Files.exists(log) ? Files.size(log) : 0;
    }

    /** What the log gained since the mark, after a short wait for the server to write it. */
    static String since(long mark) throws IOException, InterruptedException {
        Thread.sleep(500);
        try (RandomAccessFile file = new RandomAccessFile(ItEnvironment.serverLog().toFile(), "r")) {
            byte[] written = new byte[(int) Math.max(0, file.length() - mark)];
            file.seek(mark);
            file.readFully(written);
            return new String(written, StandardCharsets.UTF_8);
        }
    }

    /** Whether the text holds a SEVERE/ERROR entry or a stack trace. */
    static boolean hasErrorOrStackTrace(String written) {
        return ERROR_OR_TRACE.matcher(written).find();
    }
}
