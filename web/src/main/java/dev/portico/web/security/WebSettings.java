package dev.portico.web.security;

import dev.portico.application.ServerSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The web module's limits and accepted host names, from server.xml variables bound as JNDI entries
 * ({@code portico/http/...}). A missing or unreadable entry falls back to the server.xml default,
 * with a warning, so a server without the entries still runs within limits.
 */
@ApplicationScoped
public class WebSettings {

    private AllowedHosts allowedHosts;
    private long maxJsonBytes;
    private long maxImportBytes;
    private int maxJsonDepth;
    private int maxJsonNumberLength;
    private int importReportLines;
    private HttpsRequirement https;

    @PostConstruct
    void read() {
        allowedHosts = AllowedHosts.parse(text("allowedHosts", "localhost,127.0.0.1"));
        maxJsonBytes = number("maxJsonBytes", 65_536);
        maxImportBytes = number("maxImportBytes", 4_194_304);
        maxJsonDepth = (int) number("maxJsonDepth", 32);
        maxJsonNumberLength = (int) number("maxJsonNumberLength", 100);
        importReportLines = (int) number("importReportLines", 1000);
        https = HttpsRequirement.of(text("httpsRequired", "false"), text("httpsPort", "9443"));
    }

    /** The host names a request may be addressed to (portico.http.allowedHosts). */
    public AllowedHosts allowedHosts() {
        return allowedHosts;
    }

    /** The largest JSON request body, in bytes (portico.http.maxJsonBytes). */
    public long maxJsonBytes() {
        return maxJsonBytes;
    }

    /** The largest data file as an operator reads it: {@code 4 MiB}, {@code 512 KiB}, or {@code 1,000 bytes}. */
    public String maxImportSize() {
        return size(maxImportBytes());
    }

    /** What the console says of an uploaded data file larger than {@link #maxImportBytes}. */
    public String fileTooLarge() {
        return "The file is larger than the " + maxImportSize() + " a data file may have (portico.http.maxImportBytes); nothing was imported.";
    }

    static String size(long bytes) {
        if (bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : String.format(java.util.Locale.ROOT, "%,d bytes", bytes);
    }

    /** The largest customer data file, sent to the API or uploaded in the console, in bytes (portico.http.maxImportBytes). */
    public long maxImportBytes() {
        return maxImportBytes;
    }

    /** How deeply JSON arrays and objects may nest (portico.http.maxJsonDepth). */
    public int maxJsonDepth() {
        return maxJsonDepth;
    }

    /** The most characters one JSON number may have (portico.http.maxJsonNumberLength). */
    public int maxJsonNumberLength() {
        return maxJsonNumberLength;
    }

    /** How many skipped lines an import report lists; beyond them it gives only their number (portico.http.importReportLines). */
    public int importReportLines() {
        return importReportLines;
    }

    /** Whether plain HTTP is refused or redirected, and to which port (portico.https.required, portico.https.port). */
    public HttpsRequirement https() {
        return https;
    }

    private static String text(String name, String fallback) {
        return ServerSettings.text("http", name, fallback);
    }

    private static long number(String name, long fallback) {
        return ServerSettings.positive("http", name, fallback, Long.MAX_VALUE);
    }
}
