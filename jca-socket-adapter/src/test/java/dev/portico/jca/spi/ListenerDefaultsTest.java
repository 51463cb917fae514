package dev.portico.jca.spi;

import jakarta.resource.spi.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listeners' defaults have one source, the adapter (ProtocolBinding per protocol, SocketActivationSpec
 * for the rest); portico.xml's {@code portico.<protocol>.*} variables (the include server.xml and an own Liberty use) name them so operators can override
 * them, and must state the same values: this test fails when the two drift apart.
 */
class ListenerDefaultsTest {

    private static final Path PORTICO_XML = Path.of("..", "liberty-config", "portico.xml");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    /** Each activation spec property as the listener applies it when server.xml does not set it. */
    private static final Map<String, Function<SocketActivationSpec, Object>> EFFECTIVE = Map.ofEntries(
            Map.entry("bindAddress", spec -> spec.settings().address().getHostString()),
            Map.entry("port", spec -> spec.settings().address().getPort()),
            Map.entry("maxConnections", spec -> spec.settings().maxConnections()),
            Map.entry("maxRequestBytes", spec -> spec.settings().maxRequestBytes()),
            Map.entry("readTimeoutMillis", spec -> spec.settings().readTimeout().toMillis()),
            Map.entry("idleTimeoutMillis", spec -> spec.settings().idleTimeout().toMillis()),
            Map.entry("firstRequestTimeoutMillis", spec -> spec.settings().firstRequestTimeout().toMillis()),
            Map.entry("writeTimeoutMillis", spec -> spec.settings().writeTimeout().toMillis()),
            Map.entry("maxConcurrentRequests", spec -> spec.settings().maxConcurrentRequests()),
            Map.entry("authenticationRequired", SocketActivationSpec::authenticationRequired),
            Map.entry("shutdownGraceMillis", spec -> spec.shutdownGrace().toMillis()),
            Map.entry("maxBufferedBytes", SocketActivationSpec::getMaxBufferedBytes),
            Map.entry("tls", SocketActivationSpec::getTls),
            Map.entry("tlsKeyStoreType", SocketActivationSpec::getTlsKeyStoreType),
            Map.entry("tlsProtocols", SocketActivationSpec::getTlsProtocols),
            Map.entry("proxyProtocolFrom", spec -> spec.settings().trustedProxies().any() ? spec.settings().trustedProxies().toString() : ""));

    /** Properties the adapter has no default for: the server names its own key store and where its password is. */
    private static final Set<String> SERVER_SUPPLIED = Set.of("tlsKeyStore", "tlsKeyStorePassword");

    @Test
    void everyListenerVariableInServerXmlDefaultsToTheAdaptersOwnDefault() throws Exception {
        Element server = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(PORTICO_XML.toFile()).getDocumentElement();
        Map<String, String> variables = new HashMap<>();
        NodeList declared = server.getElementsByTagName("variable");
        for (int i = 0; i < declared.getLength(); i++) {
            Element variable = (Element) declared.item(i);
            variables.put(variable.getAttribute("name"), variable.getAttribute("defaultValue"));
        }
        NodeList specs = server.getElementsByTagName("activationSpec");
        assertEquals(ProtocolBinding.names().split(", ").length, specs.getLength(), "one activationSpec per protocol");
        int compared = 0;
        for (int i = 0; i < specs.getLength(); i++) {
            Element properties = firstChildElement(specs.item(i));
            SocketActivationSpec spec = new SocketActivationSpec();
            spec.setProtocol(properties.getAttribute("protocol"));
            NamedNodeMap attributes = properties.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                String property = attributes.item(a).getNodeName();
                if (property.equals("protocol") || SERVER_SUPPLIED.contains(property)) {
                    continue;
                }
                String written = attributes.item(a).getNodeValue();
                Matcher reference = VARIABLE.matcher(written);
                String value = reference.matches() ? variables.get(reference.group(1)) : written;
                assertNotNull(value, spec.getProtocol() + " " + property + ": " + written + " names no variable");
                assertTrue(EFFECTIVE.containsKey(property), "unknown property " + property);
                assertEquals(String.valueOf(EFFECTIVE.get(property).apply(spec)), value,
                        spec.getProtocol() + " " + property + " (" + written + ") drifted from the adapter's default");
                compared++;
            }
        }
        assertTrue(compared >= 20, "compared " + compared + " settings");
    }

    @Test
    void eachConfigPropertysDeclaredDefaultIsTheValueTheFieldStartsWith() throws Exception {
        SocketActivationSpec fresh = new SocketActivationSpec();
        for (Field field : SocketActivationSpec.class.getDeclaredFields()) {
            ConfigProperty property = field.getAnnotation(ConfigProperty.class);
            if (property == null) {
                continue;
            }
            field.setAccessible(true);
            Object initial = field.get(fresh);
            assertEquals(property.defaultValue().isEmpty() ? null : property.defaultValue(), initial == null ? null : initial.toString(),
                    field.getName());
        }
    }

    private static Element firstChildElement(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError("activationSpec without properties");
    }
}
