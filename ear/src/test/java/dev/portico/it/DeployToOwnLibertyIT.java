package dev.portico.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * README "Deploying to your own Open Liberty", step by step, on a Liberty freshly unpacked from the runtime zip with no
 * Liberty Maven goal: the EAR, the include and the driver that {@code mvn package} leaves in
 * {@code ear/target/portico-deploy/}, settings in server.env, {@code bin/server start}. The database is one of its own
 * on the test database's MariaDB.
 */
class DeployToOwnLibertyIT {

    private static final String DATABASE = "portico_own_liberty";
    private static final String ADMIN_PASSWORD = "own-liberty-admin-password";

    @Test
    void earIncludeAndDriverCopiedIntoAFreshLibertyServeEveryListenerAndTheConsole() throws Exception {
        Path deploy = Path.of(System.getProperty("portico.it.deployDir", "target/portico-deploy"));
        Path runtimeZip = Path.of(System.getProperty("portico.it.libertyRuntimeZip"));
        String name = System.getProperty("portico.it.serverName", "portico-test") + "-own";
        int http = freePort();
        ListenerProbe probe = new ListenerProbe(http, freePort(), freePort(), freePort());
        DatabaseAdmin.freshDatabase(DATABASE, ItEnvironment.dbUser());

        long unpacking = System.nanoTime();
        UnpackedLiberty liberty = UnpackedLiberty.unpack(runtimeZip, Path.of("target/own-liberty").toAbsolutePath());
        System.out.printf("[own-liberty] runtime zip unpacked in %d ms%n", (System.nanoTime() - unpacking) / 1_000_000);
        // The operator's existing server: a Jakarta EE 10 web profile server on a port of its own.
        liberty.run(60, "create", name, "--template=webProfile10");
        Path server = liberty.server(name);
        Files.writeString(Files.createDirectories(server.resolve("configDropins/overrides")).resolve("operator-http.xml"),
                "<server><httpEndpoint id=\"defaultHttpEndpoint\" host=\"127.0.0.1\" httpPort=\"" + http
                        + "\" httpsPort=\"-1\"/></server>\n");

        // README steps: the EAR into dropins/, the include into configDropins/defaults/, the driver into the shared resources.
        UnpackedLiberty.copyInto(deploy.resolve("portico.ear"), server.resolve("dropins"));
        UnpackedLiberty.copyInto(deploy.resolve("portico.xml"), server.resolve("configDropins/defaults"));
        UnpackedLiberty.copyInto(deploy.resolve("mariadb/mariadb-java-client.jar"), liberty.wlp().resolve("usr/shared/resources/mariadb"));
        // README step: the settings, here in server.env.
        Files.writeString(server.resolve("server.env"), "\n"
                + "PORTICO_DB_HOST=127.0.0.1\n"
                + "PORTICO_DB_PORT=" + Integer.parseInt(ItEnvironment.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1")) + "\n"
                + "PORTICO_DB_NAME=" + DATABASE + "\n"
                + "PORTICO_DB_USER=" + ItEnvironment.dbUser() + "\n"
                + "PORTICO_DB_PASSWORD=" + ItEnvironment.dbPassword() + "\n"
                + "PORTICO_ADMIN_PASSWORD=" + ADMIN_PASSWORD + "\n"
                + "PORTICO_CUSTOMER_PORT=" + probe.customerPort() + "\n"
                + "PORTICO_FEATHERBASE_PORT=" + probe.featherBasePort() + "\n"
                + "PORTICO_RENTAL_PORT=" + probe.rentalPort() + "\n", StandardOpenOption.APPEND);

        long starting = System.nanoTime();
        liberty.run(180, "start", name);
        try {
            probe.awaitReady("/portico/", Duration.ofMinutes(5), null);
            System.out.printf("[own-liberty] bin/server start to all listeners up: %d ms%n", (System.nanoTime() - starting) / 1_000_000);

            assertEquals("nobody-here is not found in database", probe.customerDirectory("1|nobody-here\n").strip());
            assertEquals(FeatherBaseClient.GREETING + "SUCCESS", probe.featherBase("createdb|own-liberty"));
            assertEquals("Data received and stored successfully", probe.rental(RentalClient.vector("valid-one-rental-p4.pkl")).strip());
            HttpResponse<String> console = probe.get("/portico/", null, null);
            assertEquals(200, console.statusCode());
            assertTrue(console.uri().getPath().endsWith("/login.xhtml"), console.uri().toString());
            HttpResponse<String> api = probe.get("/portico/api/rentals/reports/car-models", ItEnvironment.adminUser(), ADMIN_PASSWORD);
            assertEquals(200, api.statusCode(), api.body());
            assertTrue(api.body().contains("Axia"), api.body());
        } finally {
            liberty.run(120, "stop", name);
            // The other tests see the test database as the account sees it: take this test's database and grants away.
            DatabaseAdmin.dropDatabase(DATABASE, ItEnvironment.dbUser());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
