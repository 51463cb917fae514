package dev.portico.jca.spi;

import dev.portico.jca.Await;
import dev.portico.jca.api.RentalIntakeReply;
import dev.portico.jca.codec.AttackPickles;
import dev.portico.jca.codec.RentalIntakeSession;
import dev.portico.jca.transport.ListenerSettings;
import dev.portico.jca.transport.SocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, item 1: pickles that cost the decoder its whole work budget, sent back to back on four
 * connections, neither stall the listener nor delay a normal intake much. Prints the latencies
 * measured; asserts only a bound that guards against a stall.
 */
class RentalIntakeUnderPickleAttackTest {

    static {
        Logger.getLogger("dev.portico.jca").setLevel(Level.WARNING);
    }

    private static final int ATTACKERS = 4;
    private static final int INTAKES = 40;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private SocketListener<?, ?> listener;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (listener != null) {
            listener.stop(Duration.ofSeconds(1));
        }
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void normalIntakeIsAnsweredPromptlyWhileFourConnectionsSendCostlyPicklesBackToBack() throws Exception {
        var binding = ProtocolBinding.RENTAL_INTAKE;
        listener = new SocketListener<>(new ListenerSettings("rental-intake", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                256, 64 * 1024, Duration.ofSeconds(5), Duration.ofMinutes(5), 8),
                () -> RentalIntakeSession.codec(64 * 1024), binding.handler(request -> new RentalIntakeReply.Stored()), threads);
        listener.start();
        byte[] valid = Files.readAllBytes(Path.of("../../shared/protocols/vectors/rental/valid-one-rental-p4.pkl"));
        List<byte[]> attacks = List.of(AttackPickles.sharedTupleAsKey(), AttackPickles.collidingKeys(6000));

        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger attacksAnswered = new AtomicInteger();
        List<Future<Integer>> attackers = new ArrayList<>();
        for (int a = 0; a < ATTACKERS; a++) {
            attackers.add(threads.submit(() -> {
                int sent = 0;
                while (attacking.get()) {
                    String reply = exchange(attacks.get(sent++ % attacks.size()));
                    assertTrue(reply.startsWith("Error: pickle takes more than") || reply.equals("Data received and stored successfully"), reply);
                    attacksAnswered.incrementAndGet();
                }
                return sent;
            }));
        }
        Await.until("every attacker is under way", Duration.ofSeconds(10), () -> attacksAnswered.get() >= ATTACKERS);
        List<Long> micros = new ArrayList<>();
        try {
            for (int i = 0; i < INTAKES; i++) {
                long start = System.nanoTime();
                assertEquals("Data received and stored successfully", exchange(valid));
                micros.add((System.nanoTime() - start) / 1000);
                Thread.sleep(20);
            }
        } finally {
            attacking.set(false);
        }
        int attacksSent = 0;
        for (Future<Integer> attacker : attackers) {
            attacksSent += attacker.get(10, TimeUnit.SECONDS);
        }
        Collections.sort(micros);
        System.out.printf("rental intake under %d attackers (%d attack pickles answered): median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                ATTACKERS, attacksSent, micros.get(INTAKES / 2) / 1000.0, micros.get(INTAKES * 95 / 100) / 1000.0, micros.get(INTAKES - 1) / 1000.0);
        assertTrue(micros.get(INTAKES / 2) < 2_000_000, "a normal intake waited " + micros.get(INTAKES / 2) / 1000 + " ms (median)");
    }

    private String exchange(byte[] pickle) throws IOException {
        try (Socket client = new Socket()) {
            client.setSoTimeout(30_000);
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.port()), 5_000);
            client.getOutputStream().write(pickle);
            return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
