package dev.portico.application.internal;

import dev.portico.application.DatabaseAvailability;
import dev.portico.domain.featherbase.FbRowStore.Append;
import dev.portico.domain.featherbase.FbRowStore.Appended;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.Function;

/**
 * Group commit of concurrent addrows ({@link GroupCommit}): whoever holds the commit lock writes every
 * addrow queued so far in one transaction, so rows of concurrent connections share one table lock, one
 * row-count update and one COMMIT, and each reply still waits for the commit of its own row. A failed
 * group is written again one addrow at a time, so that one addrow's failure is never another's; unless
 * the database is unreachable: then every addrow of the group gets that failure at once (its listener
 * answers FAILURE).
 */
@ApplicationScoped
public class FeatherBaseGroupCommit {

    private final GroupCommit<Append, Appended> group = new GroupCommit<>();
    private Function<List<Append>, List<Appended>> writer;
    private DatabaseAvailability database;

    @Inject
    void writeWith(FeatherBaseRowWriter rowWriter, DatabaseAvailability availability) {
        this.writer = rowWriter::appendAll;
        this.database = availability;
    }

    FeatherBaseGroupCommit writeWith(Function<List<Append>, List<Appended>> groupWriter, DatabaseAvailability availability) {
        this.writer = groupWriter;
        this.database = availability;
        return this;
    }

    /** Appends the row; returns once it is committed (or refused, or failed: then the failure is thrown). */
    public Appended append(Append append) {
        return group.submit(append, writer, database);
    }
}
