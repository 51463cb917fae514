package dev.portico.jca.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PROXY protocol headers (HAProxy's proxy-protocol.txt) as a listener reads them, and the peers it takes them from. */
class ProxyHeaderTest {

    @Test
    void aVersion1HeaderIsTakenUpToItsCrlfAndNothingBeyond() {
        ByteBuffer in = ascii("PROXY TCP4 192.0.2.1 192.0.2.2 40000 6969\r\ngetdbs");
        assertEquals(new ProxyHeader.Header("192.0.2.1"), ProxyHeader.parse(in));
        assertEquals("getdbs", StandardCharsets.US_ASCII.decode(in).toString());

        assertEquals(new ProxyHeader.Header(null), ProxyHeader.parse(ascii("PROXY UNKNOWN\r\n")));
        assertEquals(new ProxyHeader.Header(null), ProxyHeader.parse(ascii("PROXY UNKNOWN ffff::1 ffff::2 1 2\r\n")));
        assertEquals(new ProxyHeader.Header("0:0:0:0:0:0:0:1"), ProxyHeader.parse(ascii("PROXY TCP6 ::1 ::1 1 65535\r\n")));
    }

    @Test
    void everyPrefixOfAHeaderWaitsForMoreAndLeavesTheBytesUnread() {
        byte[] v1 = "PROXY TCP4 192.0.2.1 192.0.2.2 40000 6969\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] v2 = ProxyProtocolListenerTest.version2(1, 0x11, new byte[] {(byte) 192, 0, 2, 9}, new byte[] {127, 0, 0, 1});
        for (byte[] header : new byte[][] {v1, v2}) {
            for (int n = 0; n < header.length; n++) {
                ByteBuffer in = ByteBuffer.wrap(header, 0, n);
                assertInstanceOf(ProxyHeader.NeedMore.class, ProxyHeader.parse(in), n + " bytes");
                assertEquals(0, in.position());
            }
        }
        assertEquals(new ProxyHeader.Header("192.0.2.9"), ProxyHeader.parse(ByteBuffer.wrap(v2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"getdbs\u0001\u0004", "1|John\n", "PROXZ", "proxy TCP4", "\r\n\r\nX"})
    void bytesThatCannotBeginAHeaderAreTheClientsOwn(String first) {
        ByteBuffer in = ascii(first);
        assertInstanceOf(ProxyHeader.NotAHeader.class, ProxyHeader.parse(in));
        assertEquals(0, in.position());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROXY TCP4 192.0.2.1 192.0.2.2 40000 6969\n", "PROXY TCP4 192.0.2.1 192.0.2.2 40000\r\n",
            "PROXY TCP4 ::1 192.0.2.2 40000 6969\r\n", "PROXY TCP6 192.0.2.1 ::1 40000 6969\r\n", "PROXY TCP4 192.0.2.1 192.0.2.2 65536 1\r\n",
            "PROXY TCP4 example.org 192.0.2.2 1 1\r\n", "PROXY TCP6 .: ::1 1 1\r\n", "PROXY TCP6 .a:b ::1 1 1\r\n", "PROXY UDP4 192.0.2.1 192.0.2.2 1 1\r\n", "PROXY TCP4 192.0.2.1  192.0.2.2 1 1\r\n"})
    void aMalformedVersion1HeaderIsInvalid(String header) {
        assertInstanceOf(ProxyHeader.Invalid.class, ProxyHeader.parse(ascii(header)), header);
    }

    @Test
    void aVersion1HeaderWithoutCrlfWithinItsLimitIsInvalid() {
        assertInstanceOf(ProxyHeader.NeedMore.class, ProxyHeader.parse(ascii("PROXY " + "1".repeat(ProxyHeader.V1_MAX - 7))));
        assertInstanceOf(ProxyHeader.Invalid.class, ProxyHeader.parse(ascii("PROXY " + "1".repeat(ProxyHeader.V1_MAX - 6))));
    }

    @Test
    void version2SkipsExtensionsKeepsThePeerForLocalAndOtherFamiliesAndRefusesWhatItCannotBe() throws Exception {
        byte[] local = ProxyProtocolListenerTest.version2(0, 0x00, new byte[0], new byte[0]);
        assertEquals(new ProxyHeader.Header(null), ProxyHeader.parse(ByteBuffer.wrap(local)));
        byte[] unix = ProxyProtocolListenerTest.version2(1, 0x31, new byte[108], new byte[108]);
        assertEquals(new ProxyHeader.Header(null), ProxyHeader.parse(ByteBuffer.wrap(unix)));

        byte[] withTlv = ProxyProtocolListenerTest.version2(1, 0x21, InetAddress.getByName("2001:db8::1").getAddress(), new byte[16]);
        ByteBuffer extended = ByteBuffer.allocate(withTlv.length + 7).put(withTlv).put(new byte[] {0x04, 0, 4, 1, 2, 3, 4});
        extended.putShort(14, (short) (extended.getShort(14) + 7)).flip();
        assertEquals(new ProxyHeader.Header("2001:db8:0:0:0:0:0:1"), ProxyHeader.parse(extended));
        assertFalse(extended.hasRemaining(), "the extension was skipped with the header");

        byte[] badVersion = local.clone();
        badVersion[12] = 0x10;
        assertInstanceOf(ProxyHeader.Invalid.class, ProxyHeader.parse(ByteBuffer.wrap(badVersion)));
        byte[] badCommand = local.clone();
        badCommand[12] = 0x22;
        assertInstanceOf(ProxyHeader.Invalid.class, ProxyHeader.parse(ByteBuffer.wrap(badCommand)));
        byte[] tooShort = ProxyProtocolListenerTest.version2(1, 0x11, new byte[0], new byte[0]);
        assertInstanceOf(ProxyHeader.Invalid.class, ProxyHeader.parse(ByteBuffer.wrap(tooShort)));
        byte[] udp = ProxyProtocolListenerTest.version2(1, 0x12, new byte[] {(byte) 192, 0, 2, 9}, new byte[4]);
        assertEquals(new ProxyHeader.Header(null), ProxyHeader.parse(ByteBuffer.wrap(udp)), "a UDP source is no TCP client");
        for (int family : new int[] {0x41, 0x13, 0x10, 0x01}) {
            byte[] unknown = ProxyProtocolListenerTest.version2(1, family, new byte[4], new byte[4]);
            assertInstanceOf(ProxyHeader.Invalid.class, ProxyHeader.parse(ByteBuffer.wrap(unknown)), Integer.toHexString(family));
        }
        byte[] huge = local.clone();
        huge[14] = (byte) 0xFF;
        assertInstanceOf(ProxyHeader.Invalid.class, ProxyHeader.parse(ByteBuffer.wrap(huge)), "65,280 bytes of extensions are not waited for");
    }

    @Test
    void trustedProxiesAreAddressesAndNetworksNeverNames() throws Exception {
        TrustedProxies trusted = TrustedProxies.parse(" 127.0.0.1 , 10.0.0.0/8, 192.168.4.0/22, fd00::/8");
        assertTrue(trusted.trusts(InetAddress.getByName("127.0.0.1")));
        assertFalse(trusted.trusts(InetAddress.getByName("127.0.0.2")));
        assertTrue(trusted.trusts(InetAddress.getByName("10.255.0.1")));
        assertTrue(trusted.trusts(InetAddress.getByName("192.168.7.255")));
        assertFalse(trusted.trusts(InetAddress.getByName("192.168.8.0")));
        assertTrue(trusted.trusts(InetAddress.getByName("fd12::1")));
        assertFalse(trusted.trusts(InetAddress.getByName("fe80::1")));
        assertFalse(trusted.trusts(null));
        assertFalse(TrustedProxies.parse("").any());
        assertFalse(TrustedProxies.NONE.trusts(InetAddress.getByName("127.0.0.1")));
        assertTrue(TrustedProxies.parse("0.0.0.0/0").trusts(InetAddress.getByName("203.0.113.1")));
        for (String bad : new String[] {"localhost", "10.0.0.0/33", "10.0.0.0/", "1.2.3", "::1/129", "10.0.0.1,", ".:", ".a:b"}) {
            assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(bad), bad);
        }
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
