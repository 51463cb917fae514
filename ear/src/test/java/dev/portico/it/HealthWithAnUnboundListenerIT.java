package dev.portico.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Readiness is DOWN (503) while a listener could not bind its port, though the application itself started. */
@ExtendWith(ArquillianExtension.class)
class HealthWithAnUnboundListenerIT {

    private static final String APP = "portico";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = APP, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void readinessIsDownAndNamesTheListenerWhosePortIsTaken() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(ItEnvironment.HOST, ItEnvironment.customerPort()));
            deployer.deploy(APP);
            try {
                HttpResponse<String> ready = ready();
                assertEquals(503, ready.statusCode(), ready.body());
                JsonObject listeners = Http.object(ready.body()).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                        .filter(c -> c.getString("name").equals("portico-listeners")).findFirst().orElseThrow();
                assertEquals("DOWN", listeners.getString("status"), ready.body());
                assertEquals("DOWN", listeners.getJsonObject("data").getString("customer-directory"), ready.body());
                assertEquals("UP", listeners.getJsonObject("data").getString("featherbase"), ready.body());
                assertEquals("UP", listeners.getJsonObject("data").getString("rental-intake"), ready.body());
                assertEquals("UP", Http.object(Http.send(HealthAndMetricsIT.atServerRoot("/health/live")).body()).getString("status"),
                        "an unbound listener makes Portico unready, not dead");
            } finally {
                deployer.undeploy(APP);
            }
        }
    }

    private static HttpResponse<String> ready() throws Exception {
        return Http.send(HealthAndMetricsIT.atServerRoot("/health/ready"));
    }
}
