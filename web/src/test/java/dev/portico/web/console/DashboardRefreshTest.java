package dev.portico.web.console;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardRefreshTest {

    private static final Instant OPENED = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void refreshingStopsOnceAnIdleSessionWouldHaveEnded() {
        assertFalse(DashboardRefresh.stopped(OPENED, OPENED.plusSeconds(1_799), 1_800));
        assertTrue(DashboardRefresh.stopped(OPENED, OPENED.plusSeconds(1_800), 1_800));
        assertTrue(DashboardRefresh.stopped(OPENED, OPENED.plusSeconds(7_200), 1_800));
    }

    @Test
    void theNoteSaysForHowLongWithItsNoun() {
        assertEquals("the page refreshes itself every 5 seconds for 30 minutes.", DashboardRefresh.runningNote(1_800));
        assertEquals("the page refreshes itself every 5 seconds for 1 minute.", DashboardRefresh.runningNote(60));
        assertEquals("the page refreshes itself every 5 seconds for 90 seconds.", DashboardRefresh.runningNote(90));
        assertEquals("the page refreshes itself every 5 seconds.", DashboardRefresh.runningNote(-1));
    }

    @Test
    void aSessionThatNeverTimesOutRefreshesForEver() {
        assertFalse(DashboardRefresh.stopped(OPENED, OPENED.plusSeconds(1_000_000), 0));
        assertFalse(DashboardRefresh.stopped(OPENED, OPENED.plusSeconds(1_000_000), -1));
    }
}
