package dev.portico.application.internal;

import dev.portico.application.DatabaseInspection;
import dev.portico.application.DatabaseStatus;
import dev.portico.application.ListenerStatus;
import dev.portico.application.SystemStatus;
import dev.portico.jca.api.ListenerRegistry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;

/** System status from the socket adapter's listener registry and a read-only look at the database; no transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultSystemStatus implements SystemStatus {

    @Inject
    private DatabaseInspection inspection;

    @Override
    public List<ListenerStatus> listeners() {
        return ListenerRegistry.snapshot().stream().map(ListenerStatus::of).toList();
    }

    @Override
    public DatabaseStatus database() {
        return inspection.inspect();
    }
}
