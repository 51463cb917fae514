package dev.portico.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An Open Liberty unpacked from the runtime zip (no Liberty Maven goal), driven by its own {@code bin/server}
 * script as an operator would: the "existing Liberty" of README "Deploying to your own Open Liberty".
 */
final class UnpackedLiberty {

    private final Path wlp;

    private UnpackedLiberty(Path wlp) {
        this.wlp = wlp;
    }

    /** Deletes {@code directory} and unpacks the runtime zip into it; scripts under bin/ are made executable. */
    static UnpackedLiberty unpack(Path runtimeZip, Path directory) throws IOException {
        delete(directory);
        Files.createDirectories(directory);
        try (ZipFile zip = new ZipFile(runtimeZip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("unexpected entry " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().startsWith("wlp/bin/")) {
                    target.toFile().setExecutable(true, true);
                }
            }
        }
        return new UnpackedLiberty(directory.resolve("wlp"));
    }

    Path wlp() {
        return wlp;
    }

    Path server(String name) {
        return wlp.resolve("usr/servers").resolve(name);
    }

    /** Runs {@code bin/server ARGS} and returns its output; fails unless it exits with 0 within the timeout. */
    String run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(wlp.resolve("bin/server").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/server " + String.join(" ", args) + " did not end within " + timeoutSeconds + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("bin/server " + String.join(" ", args) + " exited with " + process.exitValue() + ": " + text);
        }
        return text;
    }

    /** Copies a file into a directory, creating the directory. */
    static void copyInto(Path file, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.copy(file, directory.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
