package dev.portico.application.internal;

import dev.portico.application.FeatherBaseService.ReadAnswer;
import dev.portico.domain.featherbase.FbRowStore;
import dev.portico.domain.featherbase.FbRowStore.Append;
import dev.portico.domain.featherbase.FbRowStore.Appended;
import dev.portico.domain.featherbase.FbRowStore.Found;
import dev.portico.domain.featherbase.FbRowStore.Read;
import dev.portico.domain.featherbase.FbText;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import dev.portico.domain.featherbase.FeatherBaseRefusal.Reason;
import dev.portico.domain.featherbase.FeatherBaseRefusal.Untransacted;
import dev.portico.domain.featherbase.FeatherBaseRepository;
import dev.portico.domain.featherbase.RowCells;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * getrow, getcell and addrow for {@link DefaultFeatherBaseService}, outside any transaction: a read is
 * one query of the row store, an addrow goes through the group commit. Only a miss asks the repository
 * for the user's grants, so that an ungranted user gets FAILURE before NOTFOUND as on every command.
 * Refusals are {@link Untransacted}: there is nothing to roll back.
 */
@ApplicationScoped
public class FeatherBaseRowCommands {

    @Inject
    private FbRowStore rows;

    @Inject
    private FeatherBaseGroupCommit groupCommit;

    @Inject
    private FeatherBaseRepository store;

    @Inject
    private FeatherBaseLimits limits;

    public long addRow(String user, String database, String table, List<String> values) throws FeatherBaseRefusal {
        try {
            FbText.values(values);
        } catch (FeatherBaseRefusal refusal) {
            throw new Untransacted(refusal);
        }
        Appended done = groupCommit.append(new Append(user, database, table,
                ids -> limits.row(RowCells.encode(ids, DefaultFeatherBaseService.checkCount(ids.size(), values)))));
        if (done.missing()) {
            throw missing(user, database, table);
        } else if (done.refusal() != null) {
            throw new Untransacted(done.refusal());
        }
        return done.row();
    }

    public List<String> getRow(String user, String database, String table, long row) throws FeatherBaseRefusal {
        return present(rows.row(user, database, table, row), user, database, table, row).values();
    }

    public String getCell(String user, String database, String table, long row, String column) throws FeatherBaseRefusal {
        return cellOf(rows.cell(user, database, table, row, column), user, database, table, row, column);
    }

    /** Several reads through one call of the row store; each answered as {@link #getRow} or {@link #getCell} would answer it. */
    public List<ReadAnswer> read(List<Read> reads) {
        List<Optional<Found>> found = rows.readAll(reads);
        List<ReadAnswer> answers = new ArrayList<>(reads.size());
        for (int i = 0; i < reads.size(); i++) {
            Read r = reads.get(i);
            try {
                answers.add(new ReadAnswer(r.column() == null
                        ? present(found.get(i), r.user(), r.database(), r.table(), r.row()).values()
                        : List.of(cellOf(found.get(i), r.user(), r.database(), r.table(), r.row(), r.column())), null));
            } catch (FeatherBaseRefusal refusal) {
                answers.add(new ReadAnswer(null, refusal));
            }
        }
        return answers;
    }

    private String cellOf(Optional<Found> read, String user, String database, String table, long row, String column) throws FeatherBaseRefusal {
        Found found = present(read, user, database, table, row);
        if (found.columnIds().isEmpty()) {
            throw new Untransacted(new FeatherBaseRefusal(Reason.INVALID, "no column " + column));
        }
        return found.values().get(0);
    }

    /** The row read, or why there is none: no grant (FAILURE), no database or table (NOTFOUND), no such row (INVALID). */
    private Found present(Optional<Found> read, String user, String database, String table, long row) throws FeatherBaseRefusal {
        if (read.isEmpty()) {
            throw missing(user, database, table);
        }
        if (!read.get().rowExists()) {
            throw new Untransacted(DefaultFeatherBaseService.noRow(row));
        }
        return read.get();
    }

    /** Why a one-query lookup found no table: the user's grant is checked first, as on the other commands. */
    private FeatherBaseRefusal missing(String user, String database, String table) {
        try {
            DefaultFeatherBaseService.allow(store, user, database);
            return new Untransacted(DefaultFeatherBaseService.notFound("database " + database + " or table " + table));
        } catch (FeatherBaseRefusal forbidden) {
            return new Untransacted(forbidden);
        }
    }
}
