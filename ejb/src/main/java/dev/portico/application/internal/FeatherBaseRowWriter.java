package dev.portico.application.internal;

import dev.portico.domain.featherbase.FbRowStore;
import dev.portico.domain.featherbase.FbRowStore.Append;
import dev.portico.domain.featherbase.FbRowStore.Appended;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;

/** Writes a group of addrows in one container-managed transaction, committed when {@link #appendAll} returns. */
@Stateless
public class FeatherBaseRowWriter {

    @Inject
    private FbRowStore rows;

    /** Every append's outcome; refused or missing ones store nothing, the others are committed together. */
    public List<Appended> appendAll(List<Append> appends) {
        return rows.appendAll(appends);
    }
}
