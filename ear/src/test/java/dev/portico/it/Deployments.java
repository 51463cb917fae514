package dev.portico.it;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The archives the tests deploy: the EAR exactly as built, optionally with a test WAR for in-container tests. */
final class Deployments {

    private static final String TEST_WAR = "portico-it.war";

    private Deployments() {
    }

    /** The built EAR, unchanged (deployed under its own name, so server.xml's activation specs apply). */
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ItEnvironment.ear().toFile());
    }

    /** The built EAR plus a web module holding the given test war, listed in application.xml. */
    static EnterpriseArchive earWith(WebArchive tests) {
        EnterpriseArchive ear = ear();
        ear.addAsModule(Testable.archiveToTest(tests));
        String applicationXml = read(ear, "META-INF/application.xml").replace("<library-directory>",
                "<module><web><web-uri>" + tests.getName() + "</web-uri><context-root>/portico-it</context-root></web></module>\n  <library-directory>");
        ear.setApplicationXML(new StringAsset(applicationXml));
        return ear;
    }

    /** An empty test war with CDI enabled, named as {@link #earWith} expects. */
    static WebArchive testWar() {
        return ShrinkWrap.create(WebArchive.class, TEST_WAR)
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml")
                .addClass(ItEnvironment.class);
    }

    private static String read(EnterpriseArchive ear, String path) {
        try (InputStream in = ear.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
