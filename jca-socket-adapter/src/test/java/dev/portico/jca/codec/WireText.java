package dev.portico.jca.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test bytes written as in the protocol documents: {@code \xNN} (backslash, x, two hex digits) is the byte NN; everything else is UTF-8. */
public final class WireText {

    private WireText() {
    }

    public static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int from = 0;
        int at;
        while ((at = text.indexOf("\\x", from)) >= 0) {
            out.writeBytes(text.substring(from, at).getBytes(StandardCharsets.UTF_8));
            out.write(Integer.parseInt(text.substring(at + 2, at + 4), 16));
            from = at + 4;
        }
        out.writeBytes(text.substring(from).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
