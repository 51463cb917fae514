package dev.portico.domain.rental;

/** The ranges of kilometres that the mileage distribution counts rentals in. */
public enum MileageBand {
    UNDER_50(0, 49), UNDER_100(50, 99), UNDER_200(100, 199), UNDER_500(200, 499), UNDER_1000(500, 999), FROM_1000(1000, null);

    private final int minKm;
    private final Integer maxKm;

    MileageBand(int minKm, Integer maxKm) {
        this.minKm = minKm;
        this.maxKm = maxKm;
    }

    public int minKm() {
        return minKm;
    }

    /** The highest mileage in the band, null for the last, open band. */
    public Integer maxKm() {
        return maxKm;
    }

    /** As shown on charts, e.g. {@code 50-99 km} or {@code 1000+ km}. */
    public String label() {
        return maxKm == null ? minKm + "+ km" : minKm + "-" + maxKm + " km";
    }
}
