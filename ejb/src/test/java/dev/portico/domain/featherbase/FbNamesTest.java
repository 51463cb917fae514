package dev.portico.domain.featherbase;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FbNamesTest {

    @Test
    void namesOfOneTo255CharactersPass() {
        assertDoesNotThrow(() -> FbNames.check("a"));
        assertDoesNotThrow(() -> FbNames.check("n".repeat(255)));
    }

    @Test
    void emptyOrLongerNamesAreRefusedAsInvalid() {
        for (String name : new String[] {"", "n".repeat(256)}) {
            FeatherBaseRefusal refusal = assertThrows(FeatherBaseRefusal.class, () -> FbNames.check(name));
            assertEquals(FeatherBaseRefusal.Reason.INVALID, refusal.reason());
            assertEquals("names are 1 to 255 characters", refusal.getMessage());
        }
    }
}
