package dev.portico.benchmark;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code --name value} command-line options with defaults. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, String usage) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println(usage);
                System.exit(2);
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The option, else the fallback, which is asked for only when the option is absent. */
    String text(String name, Supplier<String> fallback) {
        String value = values.get(name);
        return value != null ? value : fallback.get();
    }

    int number(String name, int fallback) {
        return Integer.parseInt(values.getOrDefault(name, String.valueOf(fallback)));
    }

    List<Integer> numbers(String name, String fallback) {
        return Arrays.stream(values.getOrDefault(name, fallback).split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    List<String> texts(String name, String fallback) {
        return Arrays.stream(values.getOrDefault(name, fallback).split(",")).map(String::trim).toList();
    }
}
