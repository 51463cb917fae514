package dev.portico.interfaces.socket;

import dev.portico.application.DatabaseAvailability;
import dev.portico.application.FeatherBaseService;
import dev.portico.domain.featherbase.FbRowStore;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import dev.portico.jca.api.FeatherBaseCommand;
import dev.portico.jca.api.FeatherBaseCommand.AddColumn;
import dev.portico.jca.api.FeatherBaseCommand.AddRow;
import dev.portico.jca.api.FeatherBaseCommand.AddTable;
import dev.portico.jca.api.FeatherBaseCommand.Authenticate;
import dev.portico.jca.api.FeatherBaseCommand.CreateDatabase;
import dev.portico.jca.api.FeatherBaseCommand.DeleteColumn;
import dev.portico.jca.api.FeatherBaseCommand.DeleteDatabase;
import dev.portico.jca.api.FeatherBaseCommand.DeleteTable;
import dev.portico.jca.api.FeatherBaseCommand.GetCell;
import dev.portico.jca.api.FeatherBaseCommand.GetRow;
import dev.portico.jca.api.FeatherBaseCommand.ListTables;
import dev.portico.jca.api.FeatherBaseCommand.OverwriteCell;
import dev.portico.jca.api.FeatherBaseCommand.OverwriteRow;
import dev.portico.jca.api.FeatherBaseCommand.RenameColumn;
import dev.portico.jca.api.FeatherBaseCommand.RenameDatabase;
import dev.portico.jca.api.FeatherBaseCommand.RenameTable;
import dev.portico.jca.api.FeatherBaseListener;
import dev.portico.jca.api.FeatherBaseReply;
import dev.portico.jca.api.FeatherBaseReply.Word;
import dev.portico.jca.api.FeatherBaseRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The FeatherBase listener (port 6969 by default; see server.xml). Each command is one service
 * call in its own transaction, committed before this bean returns the reply (reads need none). While the database is
 * unreachable every command gets {@code FAILURE} at once (nothing was changed). Row reads that
 * arrived together on several connections come in one call ({@link #onCommands}) and share one query.
 */
@MessageDriven(messageListenerInterface = FeatherBaseListener.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FeatherBaseMdb implements FeatherBaseListener {

    private static final FeatherBaseReply SUCCESS = FeatherBaseReply.status(Word.SUCCESS);
    private static final FeatherBaseReply FAILURE = FeatherBaseReply.status(Word.FAILURE);

    @EJB
    private FeatherBaseService featherBase;

    @EJB
    private DatabaseAvailability database;

    private final KeptAvailabilityCheck available = new KeptAvailabilityCheck();

    @Override
    public FeatherBaseReply onCommand(FeatherBaseRequest request) {
        try {
            return available.retried(database, () -> answer(request), FAILURE);
        } catch (FeatherBaseRefusal refusal) {
            return FeatherBaseReply.status(word(refusal.reason()));
        }
    }

    /**
     * Row reads of several connections that arrived together: one service call, sharing one query. An outage
     * is FAILURE for each; any other failure is thrown, and the adapter then answers each read on its own.
     */
    @Override
    public List<FeatherBaseReply> onCommands(List<FeatherBaseRequest> requests) {
        List<FbRowStore.Read> reads = new ArrayList<>(requests.size());
        for (FeatherBaseRequest request : requests) {
            if (request.command() instanceof GetRow c) {
                reads.add(new FbRowStore.Read(request.user(), c.database(), c.table(), c.row(), null));
            } else if (request.command() instanceof GetCell c) {
                reads.add(new FbRowStore.Read(request.user(), c.database(), c.table(), c.row(), c.column()));
            } else {
                return FeatherBaseListener.super.onCommands(requests);
            }
        }
        return available.retried(database, () -> featherBase.read(reads).stream()
                .map(answer -> answer.refusal() != null ? FeatherBaseReply.status(word(answer.refusal().reason()))
                        : (FeatherBaseReply) new FeatherBaseReply.Values(answer.values()))
                .toList(), Collections.nCopies(requests.size(), FAILURE));
    }

    private FeatherBaseReply answer(FeatherBaseRequest request) throws FeatherBaseRefusal {
        String user = request.user();
        FeatherBaseCommand command = request.command();
        if (command instanceof Authenticate c) {
            return featherBase.authenticate(c.user(), c.password(), request.clientAddress())
                    ? new FeatherBaseReply.Authenticated(c.user()) : FeatherBaseReply.status(Word.FAILURE);
        } else if (command instanceof GetRow c) {
            return new FeatherBaseReply.Values(featherBase.getRow(user, c.database(), c.table(), c.row()));
        } else if (command instanceof GetCell c) {
            return new FeatherBaseReply.Values(List.of(featherBase.getCell(user, c.database(), c.table(), c.row(), c.column())));
        } else if (command instanceof AddRow c) {
            featherBase.addRow(user, c.database(), c.table(), c.values());
        } else if (command instanceof OverwriteRow c) {
            featherBase.overwriteRow(user, c.database(), c.table(), c.row(), c.values());
        } else if (command instanceof OverwriteCell c) {
            featherBase.overwriteCell(user, c.database(), c.table(), c.row(), c.column(), c.value());
        } else if (command instanceof FeatherBaseCommand.ListDatabases) {
            return new FeatherBaseReply.Values(featherBase.listDatabases(user));
        } else if (command instanceof ListTables c) {
            return new FeatherBaseReply.Values(featherBase.listTables(user, c.database()));
        } else {
            changeStructure(user, command);
        }
        return SUCCESS;
    }

    private void changeStructure(String user, FeatherBaseCommand command) throws FeatherBaseRefusal {
        if (command instanceof CreateDatabase c) {
            featherBase.createDatabase(user, c.database());
        } else if (command instanceof DeleteDatabase c) {
            featherBase.deleteDatabase(user, c.database());
        } else if (command instanceof RenameDatabase c) {
            featherBase.renameDatabase(user, c.database(), c.newName());
        } else if (command instanceof AddTable c) {
            featherBase.addTable(user, c.database(), c.table(), c.columns());
        } else if (command instanceof DeleteTable c) {
            featherBase.deleteTable(user, c.database(), c.table());
        } else if (command instanceof RenameTable c) {
            featherBase.renameTable(user, c.database(), c.table(), c.newName());
        } else if (command instanceof AddColumn c) {
            featherBase.addColumn(user, c.database(), c.table(), c.column());
        } else if (command instanceof DeleteColumn c) {
            featherBase.deleteColumn(user, c.database(), c.table(), c.column());
        } else if (command instanceof RenameColumn c) {
            featherBase.renameColumn(user, c.database(), c.table(), c.column(), c.newName());
        } else {
            throw new IllegalArgumentException("unhandled FeatherBase command " + command);
        }
    }

    private static Word word(FeatherBaseRefusal.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> Word.NOTFOUND;
            case EXISTS -> Word.EXISTS;
            case INVALID -> Word.INVALID;
            case FORBIDDEN -> Word.FAILURE;
        };
    }
}
