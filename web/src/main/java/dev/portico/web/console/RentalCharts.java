package dev.portico.web.console;

import dev.portico.application.RentalSummary;
import dev.portico.domain.rental.MileageBand;
import dev.portico.domain.rental.RentalPeriod;
import dev.portico.domain.rental.RentalTotals;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.LocalDate;
import java.util.Map;

/** Chart.js configurations (the JSON that PrimeFaces 15's {@code p:chart} takes) for a rental summary. */
final class RentalCharts {

    private static final String COLOR = "#3b82f6";
    private static final String FEMALE_COLOR = "#ef4444";

    private RentalCharts() {
    }

    static String perCarModel(RentalSummary summary) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        summary.perCarModel().forEach((model, totals) -> {
            labels.add(model);
            data.add(totals.rentals());
        });
        return bar(labels, data, "Rentals", false);
    }

    /** A gender as the console writes it (the filter, the chart, the table): {@code F} Female, {@code M} Male. */
    static String genderWord(String code) {
        return code.equals("F") ? "Female" : "Male";
    }

    static String perGender(RentalSummary summary) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        JsonArrayBuilder colors = Json.createArrayBuilder();
        summary.perGender().forEach((gender, count) -> {
            labels.add(genderWord(gender));
            data.add(count);
            colors.add(gender.equals("F") ? FEMALE_COLOR : COLOR);
        });
        return config("doughnut", labels, Json.createObjectBuilder().add("label", "Rentals").add("data", data).add("backgroundColor", colors),
                Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom")), false);
    }

    /**
     * Rentals per period (day, month or year: the summary's) from {@code from} to {@code to}; days and months without
     * rentals are zeros (731 days, 1,200 months at most), years without rentals are left out.
     */
    static String perPeriod(RentalSummary summary, LocalDate from, LocalDate to) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        RentalPeriod period = summary.period();
        if (period != RentalPeriod.YEAR) {
            for (LocalDate start = period.start(from); !start.isAfter(to); start = period.next(start)) {
                labels.add(period.label(start));
                data.add(summary.perPeriod().getOrDefault(start, 0L));
            }
        } else {
            summary.perPeriod().forEach((start, count) -> {
                labels.add(period.label(start));
                data.add(count);
            });
        }
        return bar(labels, data, "Rentals", true);
    }

    static String perMileageBand(RentalSummary summary) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (MileageBand band : MileageBand.values()) {
            labels.add(band.label());
            data.add(summary.perMileageBand().getOrDefault(band, 0L));
        }
        return bar(labels, data, "Rentals", false);
    }

    /** Average duration in hours, per car model and over all. */
    static String averageDuration(RentalSummary summary) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (Map.Entry<String, RentalTotals> model : summary.perCarModel().entrySet()) {
            labels.add(model.getKey());
            hours(data, model.getValue().averageDurationSeconds());
        }
        labels.add("All");
        hours(data, summary.overall().averageDurationSeconds());
        return config("bar", labels, Json.createObjectBuilder().add("label", "Average duration (hours)").add("data", data).add("backgroundColor", COLOR),
                Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)), false);
    }

    private static void hours(JsonArrayBuilder data, Double seconds) {
        if (seconds == null) {
            data.addNull();
        } else {
            data.add(Math.round(seconds / 36.0) / 100.0);
        }
    }

    /** A bar chart of counts: whole-number ticks from zero. */
    private static String bar(JsonArrayBuilder labels, JsonArrayBuilder data, String label, boolean manyBars) {
        JsonObjectBuilder dataset = Json.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", COLOR);
        if (manyBars) {
            dataset.add("barPercentage", 1.0).add("categoryPercentage", 1.0);
        }
        return config("bar", labels, dataset, Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)), true);
    }

    /** A chart; {@code counts}: a y axis of whole numbers from zero. */
    private static String config(String type, JsonArrayBuilder labels, JsonObjectBuilder dataset, JsonObjectBuilder plugins, boolean counts) {
        JsonObjectBuilder options = Json.createObjectBuilder().add("animation", false).add("responsive", true)
                .add("maintainAspectRatio", false).add("plugins", plugins);
        if (counts) {
            options.add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)
                    .add("ticks", Json.createObjectBuilder().add("precision", 0))));
        }
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder().add(dataset)))
                .add("options", options).build().toString();
    }
}
