package dev.portico.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU time of server processes (Linux {@code /proc/PID/stat}: user + system), to print the CPU each
 * spent per request over a run: steadier than requests per second on a shared machine.
 */
final class ProcessCpu {

    /** Clock ticks per second of /proc's counters (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final List<Long> pids = new ArrayList<>();
    private final List<Long> startTicks = new ArrayList<>();

    /** The processes of a comma-separated pid list ("" for none). */
    ProcessCpu(String pidList) {
        for (String pid : pidList.split(",")) {
            if (!pid.isBlank()) {
                pids.add(Long.parseLong(pid.trim()));
            }
        }
    }

    /** Notes every process's CPU time now, as the start of a run. */
    void start() {
        startTicks.clear();
        for (long pid : pids) {
            startTicks.add(ticks(pid));
        }
    }

    /** Microseconds of CPU per request since {@link #start()}, per process: " pid 123: 456 us/req". */
    String perRequest(long requests) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pids.size(); i++) {
            double seconds = (ticks(pids.get(i)) - startTicks.get(i)) / TICKS_PER_SECOND;
            out.append(String.format(Locale.ROOT, "  pid %d: %.0f us/req", pids.get(i), requests == 0 ? 0 : seconds * 1e6 / requests));
        }
        return out.toString();
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
