package dev.portico.web.console;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FacesRequestCheckTest {

    @Test
    void aViewStateTokenAsTheConsoleRendersItOrNoneIsWellFormed() {
        assertTrue(FacesRequestCheck.wellFormedViewState("NjNiOWRlMTQyOTk0Y2Q5YTAwMDAwMDAx"));
        assertTrue(FacesRequestCheck.wellFormedViewState(null));
    }

    @Test
    void aViewStateTokenThatIsNotBase64OrClaimsAStatelessViewIsRefused() {
        assertFalse(FacesRequestCheck.wellFormedViewState("bogus"));
        assertFalse(FacesRequestCheck.wellFormedViewState("!!!!"));
        assertFalse(FacesRequestCheck.wellFormedViewState("NjNiOWRl MTQy"));
        assertFalse(FacesRequestCheck.wellFormedViewState("stateless"));
    }

    @Test
    void pathsWithEncodedSlashesBackslashesOrNulAreRefused() {
        assertTrue(FacesRequestCheck.plainPath("/portico/jakarta.faces.resource/css/console.css.xhtml"));
        assertTrue(FacesRequestCheck.plainPath("/portico/customers/index.xhtml"));
        assertFalse(FacesRequestCheck.plainPath("/portico/jakarta.faces.resource/..%2F..%2FWEB-INF%2Fweb.xml.xhtml"));
        assertFalse(FacesRequestCheck.plainPath("/portico/jakarta.faces.resource/..%5cweb.xml.xhtml"));
        assertFalse(FacesRequestCheck.plainPath("/portico/login%00.xhtml"));
    }
}
