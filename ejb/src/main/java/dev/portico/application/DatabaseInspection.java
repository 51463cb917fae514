package dev.portico.application;

/** Reads the database's state and data set sizes; implemented in infrastructure (as cargotracker's ApplicationEvents is). */
public interface DatabaseInspection {

    /** The figures now, or at most a moment old; never throws for an unreachable database. */
    DatabaseStatus inspect();
}
