package dev.portico.web.rest;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class VersionsTest {

    @Test
    void theSameContentGivesTheSameStrongTag() {
        assertEquals(Versions.digest(List.of("Ada", "36", "", "394-1234")), Versions.digest(List.of("Ada", "36", "", "394-1234")));
        assertEquals(32, Versions.digest(List.of("Ada")).length());
    }

    @Test
    void anyChangedPartGivesANewTag() {
        assertNotEquals(Versions.digest(List.of("Ada", "36")), Versions.digest(List.of("Ada", "37")));
        assertNotEquals(Versions.digest(List.of("Ada", "36")), Versions.digest(List.of("ada", "36")));
    }

    @Test
    void partsAreSeparatedSoThatMovingTextAcrossABoundaryChangesTheTag() {
        assertNotEquals(Versions.digest(List.of("ab", "c")), Versions.digest(List.of("a", "bc")));
        assertNotEquals(Versions.digest(List.of("a", "")), Versions.digest(List.of("a")));
    }

    @Test
    void nullCountsAsEmpty() {
        assertEquals(Versions.digest(Arrays.asList("a", null)), Versions.digest(List.of("a", "")));
    }
}
