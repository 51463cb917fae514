package dev.portico.domain.featherbase;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FbTextTest {

    @Test
    void namesOfOneTo255CharactersPass() {
        assertDoesNotThrow(() -> FbText.name("a"));
        assertDoesNotThrow(() -> FbText.name("n".repeat(255)));
        assertDoesNotThrow(() -> FbText.name("\uD83D\uDE00".repeat(255)), "255 emoji are 255 characters (510 UTF-16 units)");
        assertDoesNotThrow(() -> FbText.name("naïve name, with spaces | and a\nline break"));
    }

    @Test
    void emptyOrLongerNamesAreRefusedAsInvalid() {
        for (String name : new String[] {"", "n".repeat(256), "\uD83D\uDE00".repeat(256)}) {
            FeatherBaseRefusal refusal = assertThrows(FeatherBaseRefusal.class, () -> FbText.name(name));
            assertEquals(FeatherBaseRefusal.Reason.INVALID, refusal.reason());
            assertEquals("names are 1 to 255 characters", refusal.getMessage());
        }
    }

    @Test
    void everyFramingCharacterIsRefusedInNamesValuesAndPasswords() {
        for (char c : new char[] {'\t', '\u0001', '\u0002', '\u0004', '\u0005'}) {
            String text = "ab" + c + "c";
            FeatherBaseRefusal name = assertThrows(FeatherBaseRefusal.class, () -> FbText.name(text));
            assertEquals(FeatherBaseRefusal.Reason.INVALID, name.reason());
            assertEquals("names cannot hold TAB or the control characters SOH, STX, EOT and ENQ, which separate a FeatherBase"
                    + " command's parts (character 3)", name.getMessage());
            assertEquals(FeatherBaseRefusal.Reason.INVALID, assertThrows(FeatherBaseRefusal.class, () -> FbText.value(text)).reason());
            assertThrows(FeatherBaseRefusal.class, () -> FbText.values(List.of("fine", text)));
            assertEquals("passwords cannot hold TAB or the control characters SOH, STX, EOT and ENQ, which separate a FeatherBase"
                    + " command's parts (character 3)", assertThrows(FeatherBaseRefusal.class, () -> FbText.plain(text, "passwords")).getMessage());
        }
    }

    @Test
    void otherControlCharactersAndEmptyValuesPass() {
        assertDoesNotThrow(() -> FbText.values(List.of("", "\u0003 \u0006 \r\n \u007f", "\u00e9\u4e2d\ud83d\ude00")));
        assertDoesNotThrow(() -> FbText.plain("p\u0003ss", "passwords"));
    }
}
