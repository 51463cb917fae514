package dev.portico.jca.codec;

import java.util.Arrays;

/**
 * What the Jazzer targets ({@code *Fuzzer}) share. Each target takes the raw bytes a client could
 * send. {@code mvn test} runs each target in a JVM of its own (Jazzer fuzzes one target per JVM)
 * with {@code JAZZER_FUZZ=1}: first over its seeds and past findings in
 * {@code src/test/resources/dev/portico/jca/codec/<Target>Inputs/<method>/}, then fuzzing for
 * {@code jazzer.fuzz.seconds} (a few seconds; longer on demand, see the parent pom). A finding
 * (an exception other than the decoder's documented one, a failed assertion, an
 * {@link OutOfMemoryError} under the run's small heap, an input running past the per-input
 * timeout) fails the build and is written into that directory, where it stays as a regression seed.
 */
final class FuzzTargets {

    /** Used when a target is fuzzed outside the build (an IDE); the build sets the duration itself. */
    static final String MAX_DURATION = "30s";

    private FuzzTargets() {
    }

    /** A piece size from 2 to 16, chosen by the input itself so that the runs stay reproducible. */
    static int pieceSize(byte[] stream) {
        return 2 + Math.floorMod(Arrays.hashCode(stream), 15);
    }
}
