package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping and starting the application: ports are released and bound again, and stored data is still there. */
@ExtendWith(ArquillianExtension.class)
class ApplicationRestartIT {

    private static final String APP = "portico";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = APP, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void acknowledgedChangesSurviveAnApplicationRestartAndThePortIsBoundAgain() throws Exception {
        deployer.deploy(APP);
        try {
            TestDatabase.clearCustomers();
            assertEquals("2|Durable|44|1 Disk Rd|514-4444 added to the database", CustomerDirectoryClient.ask("2|Durable|44|1 Disk Rd|514-4444\n"));
            assertEquals("durable's age is updated to the database", CustomerDirectoryClient.ask("4|durable|45\n"));
        } finally {
            deployer.undeploy(APP);
        }

        assertThrows(ConnectException.class, ApplicationRestartIT::connectOnce, "the listener port is released when the application stops");

        deployer.deploy(APP);
        try {
            assertEquals("Durable|45|1 Disk Rd|514-4444", CustomerDirectoryClient.ask("1|DURABLE\n"));
        } finally {
            deployer.undeploy(APP);
        }
    }

    @Test
    void featherBaseDataSurvivesAnApplicationRestart() throws Exception {
        deployer.deploy(APP);
        try {
            TestDatabase.clearFeatherBase();
            try (FeatherBaseClient client = new FeatherBaseClient()) {
                assertEquals("SUCCESS", client.ask("createdb|keep"));
                assertEquals("SUCCESS", client.ask("addtbl|keep|t>a,b"));
                assertEquals("SUCCESS", client.ask("addrow|keep|t>1,2"));
                assertEquals("SUCCESS", client.ask("owcell|keep|t>0,b~3"));
            }
        } finally {
            deployer.undeploy(APP);
        }
        deployer.deploy(APP);
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("1\t3", client.ask("getrow|keep|t>0"));
            assertEquals("SUCCESS", client.ask("addrow|keep|t>4,5"));
            assertEquals("4\t5", client.ask("getrow|keep|t>1"));
        } finally {
            deployer.undeploy(APP);
        }
    }

    @Test
    void aListenerThatCannotBindItsPortIsReportedInTheServerLog() throws Exception {
        Path log = ItEnvironment.serverLog();
        long before = Files.exists(log) ? Files.size(log) : 0;
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(ItEnvironment.HOST, ItEnvironment.customerPort()));
            deployer.deploy(APP);
            try {
                String written = logWrittenSince(log, before, "Portico cannot serve");
                assertTrue(written.contains("Portico cannot serve customer-directory"), written);
                assertTrue(written.contains(":" + ItEnvironment.customerPort()), written);
            } finally {
                deployer.undeploy(APP);
            }
        }
    }

    /** What the server log gained since {@code offset}, waiting up to 10 s for {@code expected} to appear in it. */
    private static String logWrittenSince(Path log, long offset, String expected) throws IOException, InterruptedException {
        String written = "";
        for (int attempt = 0; attempt < 100 && !written.contains(expected); attempt++) {
            written = Files.readString(log).substring((int) offset);
            Thread.sleep(100);
        }
        return written;
    }

    private static void connectOnce() throws IOException {
        try (Socket ignored = new Socket(ItEnvironment.HOST, ItEnvironment.customerPort())) {
            // connected: the port is still open
        }
    }
}
