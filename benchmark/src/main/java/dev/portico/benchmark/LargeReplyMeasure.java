package dev.portico.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the large replies of issue 13 against a running server, printing one line per figure:
 * time to first byte, bytes, MB/s and the server's peak resident memory meanwhile (sampled every
 * 50 ms from {@code /proc/PID/status}, for {@code --pid}). Loads the data first when asked:
 * {@code --customers N} replaces the customers with N bulk rows (the INSERT), {@code --names N}
 * adds N FeatherBase databases {@code scaleNNNNNN} and N tables in database {@code scale}.
 * {@code --measure} lists what to run: report, export, customers-json, customers-csv, rentals-json,
 * getdbs, gettbls, rows (getrow 0 to {@code --rows}-1 of {@code --database}.{@code --table}),
 * rental-reports.
 */
public final class LargeReplyMeasure {

    private static final String USAGE = "usage: LargeReplyMeasure [--jdbc jdbc:mariadb://127.0.0.1:3306/portico] [--user portico]"
            + " [--password (the run database's)] [--host 127.0.0.1] [--customer-port 9999] [--featherbase-port 6969] [--http http://127.0.0.1:9080/portico]"
            + " [--admin admin:password] [--pid PID] [--customers 0] [--names 0] [--database bulk] [--table million] [--rows 1000000]"
            + " [--measure report,customers-json]";

    private final Options options;
    private final long pid;

    private LargeReplyMeasure(Options options) {
        this.options = options;
        this.pid = options.number("pid", 0);
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args, USAGE);
        LargeReplyMeasure measure = new LargeReplyMeasure(options);
        measure.load(options.number("customers", 0), options.number("names", 0));
        for (String what : options.texts("measure", "report,customers-json")) {
            measure.run(what);
        }
    }

    private void load(int customers, int names) throws Exception {
        if (customers == 0 && names == 0) {
            return;
        }
        try (Connection c = DriverManager.getConnection(options.text("jdbc", "jdbc:mariadb://127.0.0.1:3306/portico"),
                options.text("user", "portico"), options.text("password", RunDatabase::password)); Statement s = c.createStatement()) {
            long started = System.nanoTime();
            if (customers > 0) {
                s.executeUpdate("DELETE FROM customer");
                s.executeUpdate("INSERT INTO customer (name,age,address,phone) SELECT concat('Bulk',lpad(seq,7,'0')),1+seq%120,"
                        + "concat(seq,' St'),concat('514-',lpad(seq%10000,4,'0')) FROM seq_1_to_" + customers);
                print("loaded " + customers + " customers", System.nanoTime() - started, 0, 0);
            }
            if (names > 0) {
                started = System.nanoTime();
                s.executeUpdate("INSERT IGNORE INTO fb_database (name) SELECT concat('scale', lpad(seq, 6, '0')) FROM seq_1_to_" + names);
                s.executeUpdate("INSERT IGNORE INTO fb_database (name) VALUES ('scale')");
                s.executeUpdate("INSERT IGNORE INTO fb_table (database_id, name, row_count) SELECT (SELECT id FROM fb_database WHERE name = 'scale'),"
                        + " concat('table', lpad(seq, 6, '0')), 0 FROM seq_1_to_" + names);
                print("loaded " + names + " FeatherBase databases and tables", System.nanoTime() - started, 0, 0);
            }
        }
    }

    private void run(String what) throws Exception {
        switch (what) {
            case "report" -> socket("command 7 (report)", "7\n");
            case "export" -> socket("command 8 (export file)", "8\n");
            case "customers-json" -> http("GET /api/customers (JSON)", "/api/customers", "application/json");
            case "customers-csv" -> http("GET /api/customers (CSV)", "/api/customers", "text/csv");
            case "rentals-json" -> http("GET /api/rentals (JSON)", "/api/rentals", "application/json");
            case "rental-reports" -> {
                for (String report : List.of("car-models", "genders", "mileage", "duration")) {
                    http("GET /api/rentals/reports/" + report, "/api/rentals/reports/" + report, "application/json");
                }
                // per-day takes at most 3,660 days (ten years) at a time: the longest, up to today.
                LocalDate today = LocalDate.now();
                http("GET /api/rentals/reports/per-day (ten years)", "/api/rentals/reports/per-day?from=" + today.minusDays(3_659) + "&to=" + today,
                        "application/json");
            }
            case "getdbs" -> featherBase("getdbs", "");
            case "gettbls" -> featherBase("gettbls", "scale");
            case "rows" -> rows(options.text("database", "bulk"), options.text("table", "million"), options.number("rows", 1_000_000));
            default -> throw new IllegalArgumentException("unknown measurement " + what);
        }
    }

    private void socket(String label, String request) throws Exception {
        try (Socket socket = new Socket(); Sampler rss = new Sampler(pid)) {
            socket.connect(new InetSocketAddress(options.text("host", "127.0.0.1"), options.number("customer-port", 9999)), 5000);
            socket.setSoTimeout(600_000);
            long started = System.nanoTime();
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            drain(label, socket.getInputStream(), started, rss);
        }
    }

    private void http(String label, String path, String accept) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(options.text("http", "http://127.0.0.1:9080/portico") + path).toURL().openConnection();
        connection.setRequestProperty("Accept", accept);
        connection.setRequestProperty("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(options.text("admin", "admin:admin").getBytes(StandardCharsets.UTF_8)));
        connection.setReadTimeout(600_000);
        try (Sampler rss = new Sampler(pid)) {
            long started = System.nanoTime();
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException(label + ": HTTP " + status);
            }
            drain(label, connection.getInputStream(), started, rss);
        }
    }

    private void drain(String label, InputStream in, long started, Sampler rss) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long bytes = 0;
        long firstByte = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (bytes == 0 && n > 0) {
                firstByte = System.nanoTime() - started;
            }
            bytes += n;
        }
        long total = System.nanoTime() - started;
        System.out.printf(Locale.ROOT, "%-48s first byte %8.3f s  total %8.2f s  %,14d bytes  %7.1f MB/s  server RSS peak %s%n",
                label, firstByte / 1e9, total / 1e9, bytes, bytes / 1e6 / (total / 1e9), rss.peak());
    }

    private void featherBase(String operation, String arguments) throws IOException {
        try (FeatherBaseConnection fb = new FeatherBaseConnection(options.text("host", "127.0.0.1"), options.number("featherbase-port", 6969));
             Sampler rss = new Sampler(pid)) {
            long started = System.nanoTime();
            String reply = fb.ask(operation, arguments);
            int names = reply.isEmpty() ? 0 : reply.split("\t", -1).length;
            print(operation + " " + arguments + ": " + names + " names", System.nanoTime() - started, reply.length(), rss.peakKb());
        }
    }

    private void rows(String database, String table, int rows) throws IOException {
        try (FeatherBaseConnection fb = new FeatherBaseConnection(options.text("host", "127.0.0.1"), options.number("featherbase-port", 6969));
             Sampler rss = new Sampler(pid)) {
            long started = System.nanoTime();
            long bytes = 0;
            for (int row = 0; row < rows; row++) {
                bytes += fb.ask("getrow", database + '\u0001' + table + '\u0002' + row).length();
                if ((row + 1) % 100_000 == 0) {
                    long so = System.nanoTime() - started;
                    System.out.printf(Locale.ROOT, "  %,d rows in %.1f s (%.0f rows/s), server RSS peak %d MiB%n", row + 1, so / 1e9,
                            (row + 1) / (so / 1e9), rss.peakKb() / 1024);
                }
            }
            long total = System.nanoTime() - started;
            print(String.format(Locale.ROOT, "getrow 0..%d row by row: %.0f rows/s", rows - 1, rows / (total / 1e9)), total, bytes, rss.peakKb());
        }
    }

    private static void print(String label, long nanos, long bytes, long rssKb) {
        System.out.printf(Locale.ROOT, "%-60s %8.2f s  %,14d bytes  server RSS peak %s%n", label, nanos / 1e9, bytes,
                rssKb > 0 ? rssKb / 1024 + " MiB" : "-");
    }

    /** Samples a process's resident memory every 50 ms while open; the peak seen. */
    private static final class Sampler implements AutoCloseable {
        private final AtomicLong peakKb = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Sampler(long pid) {
            thread = new Thread(() -> {
                while (pid > 0 && running.get()) {
                    peakKb.accumulateAndGet(rssKb(pid), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        long peakKb() {
            return peakKb.get();
        }

        String peak() {
            return peakKb.get() > 0 ? peakKb.get() / 1024 + " MiB" : "-";
        }

        @Override
        public void close() {
            running.set(false);
            thread.interrupt();
        }

        private static long rssKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return 0;
            }
            return 0;
        }
    }
}
