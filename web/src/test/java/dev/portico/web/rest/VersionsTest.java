package dev.portico.web.rest;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class VersionsTest {

    @Test
    void theSameContentGivesTheSameStrongTag() {
        assertEquals(Versions.of(List.of("Ada", "36", "", "394-1234")).getValue(), Versions.of(List.of("Ada", "36", "", "394-1234")).getValue());
        assertFalse(Versions.of(List.of("Ada")).isWeak());
        assertEquals(32, Versions.of(List.of("Ada")).getValue().length());
    }

    @Test
    void anyChangedPartGivesANewTag() {
        assertNotEquals(Versions.of(List.of("Ada", "36")).getValue(), Versions.of(List.of("Ada", "37")).getValue());
        assertNotEquals(Versions.of(List.of("Ada", "36")).getValue(), Versions.of(List.of("ada", "36")).getValue());
    }

    @Test
    void partsAreSeparatedSoThatMovingTextAcrossABoundaryChangesTheTag() {
        assertNotEquals(Versions.of(List.of("ab", "c")).getValue(), Versions.of(List.of("a", "bc")).getValue());
        assertNotEquals(Versions.of(List.of("a", "")).getValue(), Versions.of(List.of("a")).getValue());
    }

    @Test
    void nullCountsAsEmpty() {
        assertEquals(Versions.of(Arrays.asList("a", null)).getValue(), Versions.of(List.of("a", "")).getValue());
    }
}
