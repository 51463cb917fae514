package dev.portico.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** FeatherBase {@code auth} against the deployed EAR: the limit of failed attempts on one connection. */
@ExtendWith(ArquillianExtension.class)
class FeatherBaseLoginIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void emptyFeatherBase() throws Exception {
        TestDatabase.clearFeatherBase();
    }

    @Test
    void threeFailedAuthsAreAnsweredFailureAndThenTheConnectionIsClosed() throws Exception {
        assertEquals(204, Http.put("/api/featherbase/users/alice", "application/json", "{\"password\":\"s3cret\"}").statusCode());
        try (FeatherBaseClient client = new FeatherBaseClient()) {
            assertEquals("FAILURE", client.ask("auth|alice>one"));
            assertEquals("FAILURE", client.ask("auth|alice>two"));
            client.send("auth|alice>three");
            client.send("auth|alice>s3cret");
            assertEquals("FAILURE\u0004", new String(client.readToEnd(), StandardCharsets.UTF_8),
                    "the third FAILURE is the last reply; the right password after it is not read");
        }
    }
}
