package dev.portico.jca.codec;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static dev.portico.jca.codec.CodecHarness.text;
import static dev.portico.jca.codec.CodecHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DelimiterFramerTest {

    @Test
    void framesEndAtTheDelimiterWhichIsConsumedButNotPartOfTheFrame() throws FrameException {
        DelimiterFramer framer = new DelimiterFramer((byte) ';', 16, false);
        ByteBuffer received = ByteBuffer.wrap(utf8("ab;;cd"));
        assertEquals("ab", text(framer.next(received)));
        assertEquals("", text(framer.next(received)));
        assertNull(framer.next(received), "cd has no delimiter yet");
        assertEquals(4, received.position(), "an incomplete frame is not consumed");
    }

    @Test
    void aFrameArrivingByteByByteIsFoundOnceItsDelimiterArrives() throws FrameException {
        DelimiterFramer framer = new DelimiterFramer((byte) '\n', 64, false);
        byte[] line = utf8("1|Alice\n");
        ByteBuffer received = ByteBuffer.allocate(line.length);
        for (int i = 0; i < line.length - 1; i++) {
            received.put(line[i]).flip();
            assertNull(framer.next(received), "after byte " + i);
            received.position(received.limit()).limit(received.capacity());
        }
        received.put(line[line.length - 1]).flip();
        assertEquals("1|Alice", text(framer.next(received)));
    }

    @Test
    void lineEndsBeforeAFrameAreSkippedOnlyWhenAsked() throws FrameException {
        assertEquals("getdbs", text(new DelimiterFramer((byte) 4, 64, true).next(ByteBuffer.wrap(utf8("\r\n\ngetdbs\u0004")))));
        assertEquals("\r\ngetdbs", text(new DelimiterFramer((byte) 4, 64, false).next(ByteBuffer.wrap(utf8("\r\ngetdbs\u0004")))));
    }

    @Test
    void aFrameOfExactlyTheLimitIsAcceptedAndOneByteMoreIsRefusedAndConsumed() throws FrameException {
        DelimiterFramer framer = new DelimiterFramer((byte) ';', 4, false);
        assertEquals("abcd", text(framer.next(ByteBuffer.wrap(utf8("abcd;")))));
        assertNull(framer.next(ByteBuffer.wrap(utf8("abcd"))), "the limit reached, the delimiter may still come");
        ByteBuffer tooLong = ByteBuffer.wrap(utf8("abcde"));
        assertThrows(FrameException.class, () -> new DelimiterFramer((byte) ';', 4, false).next(tooLong));
        assertEquals(tooLong.limit(), tooLong.position());
    }

    @Test
    void aLimitThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DelimiterFramer((byte) ';', 0, false));
    }
}
