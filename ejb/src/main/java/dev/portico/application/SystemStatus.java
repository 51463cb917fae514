package dev.portico.application;

import java.util.List;

/** How the system is doing now: its socket listeners and its database, for the console's dashboard. */
public interface SystemStatus {

    /** Every running socket listener, ordered by protocol and port. */
    List<ListenerStatus> listeners();

    /** The database's state and the size of each data set; an unreachable database is reported, not thrown. */
    DatabaseStatus database();
}
