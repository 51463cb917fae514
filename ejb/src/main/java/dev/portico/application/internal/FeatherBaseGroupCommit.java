package dev.portico.application.internal;

import dev.portico.application.DatabaseAvailability;
import dev.portico.domain.featherbase.FbRowStore.Append;
import dev.portico.domain.featherbase.FbRowStore.Appended;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.Function;

/**
 * Group commit of concurrent addrows. Each addrow queues itself and takes the commit lock; whoever holds
 * it writes every addrow queued so far in one transaction and, once that committed, gives each its
 * outcome; an addrow written meanwhile by another holder returns as soon as it gets the lock. Rows of
 * concurrent connections thus share one table lock, one row-count update and one COMMIT, and each reply
 * still waits for the commit of its own row. Should a group fail, each of its addrows is written again
 * alone, so that one addrow's failure is never another's; unless the database is unreachable: then
 * every addrow of the group gets that failure at once (its listener answers FAILURE).
 */
@ApplicationScoped
public class FeatherBaseGroupCommit {

    private GroupCommit<Append, Appended> group;

    @Inject
    void writeWith(FeatherBaseRowWriter rowWriter, DatabaseAvailability availability) {
        writeWith(rowWriter::appendAll, availability);
    }

    FeatherBaseGroupCommit writeWith(Function<List<Append>, List<Appended>> groupWriter, DatabaseAvailability availability) {
        this.group = new GroupCommit<>(groupWriter, availability::outage);
        return this;
    }

    /** Appends the row; returns once it is committed (or refused, or failed: then the failure is thrown). */
    public Appended append(Append append) {
        return group.write(append);
    }
}
