package dev.portico.domain.rental;

import dev.portico.text.PythonText;

import java.util.Locale;
import java.util.Optional;

/** The cars of the fleet, with the spellings found in the reference data. */
public enum CarModel {
    COROLLA("Corolla"), KANCIL("Kancil"), AXIA("Axia");

    private final String label;

    CarModel(String label) {
        this.label = label;
    }

    /** The stored and displayed name, e.g. {@code Corolla}. */
    public String label() {
        return label;
    }

    /** The model a client's text names, ignoring case; {@code Corola} and {@code Corolo} mean Corolla. */
    public static Optional<CarModel> parse(String text) {
        String key = PythonText.strip(text).toLowerCase(Locale.ROOT);
        return switch (key) {
            case "corolla", "corola", "corolo" -> Optional.of(COROLLA);
            case "kancil" -> Optional.of(KANCIL);
            case "axia" -> Optional.of(AXIA);
            default -> Optional.empty();
        };
    }
}
