package dev.portico.infrastructure.persistence.jpa;

import dev.portico.domain.featherbase.FbColumn;
import dev.portico.domain.featherbase.FbDatabase;
import dev.portico.domain.featherbase.FbGrant;
import dev.portico.domain.featherbase.FbGrantKey;
import dev.portico.domain.featherbase.FbRow;
import dev.portico.domain.featherbase.FbRowKey;
import dev.portico.domain.featherbase.FbTable;
import dev.portico.domain.featherbase.FbUser;
import dev.portico.domain.featherbase.FeatherBaseRefusal;
import dev.portico.domain.featherbase.FeatherBaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** FeatherBase storage in MariaDB through JPA; joins the caller's transaction. */
@ApplicationScoped
public class JpaFeatherBaseRepository implements FeatherBaseRepository {

    @PersistenceContext(unitName = "portico")
    private EntityManager em;

    @Override
    public Optional<FbDatabase> database(String name) {
        return em.createNamedQuery("FbDatabase.findByName", FbDatabase.class).setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public Optional<FbDatabase> databaseForUpdate(String name) {
        return em.createNamedQuery("FbDatabase.findByName", FbDatabase.class).setParameter("name", name)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Override
    public List<FbDatabase> databases() {
        return em.createNamedQuery("FbDatabase.findAll", FbDatabase.class).getResultList();
    }

    @Override
    public List<String> databaseNames() {
        return em.createNamedQuery("FbDatabase.names", String.class).getResultList();
    }

    @Override
    public long databaseCount() {
        return em.createQuery("SELECT COUNT(d) FROM FbDatabase d", Long.class).getSingleResult();
    }

    @Override
    public long tableCount(FbDatabase database) {
        return em.createQuery("SELECT COUNT(t) FROM FbTable t WHERE t.databaseId = :databaseId", Long.class)
                .setParameter("databaseId", database.id()).getSingleResult();
    }

    @Override
    public long userCount() {
        return em.createQuery("SELECT COUNT(u) FROM FbUser u", Long.class).getSingleResult();
    }

    @Override
    public Optional<FbTable> table(FbDatabase database, String name) {
        return em.createNamedQuery("FbTable.findByName", FbTable.class).setParameter("databaseId", database.id()).setParameter("name", name)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<FbTable> table(String database, String name) {
        return em.createNamedQuery("FbTable.findByNames", FbTable.class).setParameter("database", database).setParameter("name", name)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<FbTable> tableForUpdate(FbDatabase database, String name) {
        return em.createNamedQuery("FbTable.findByName", FbTable.class).setParameter("databaseId", database.id()).setParameter("name", name)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Override
    public List<FbTable> tables(FbDatabase database) {
        return em.createNamedQuery("FbTable.findByDatabase", FbTable.class).setParameter("databaseId", database.id()).getResultList();
    }

    @Override
    public List<String> tableNames(FbDatabase database) {
        return em.createNamedQuery("FbTable.namesByDatabase", String.class).setParameter("databaseId", database.id()).getResultList();
    }

    @Override
    public List<FbColumn> columns(FbTable table) {
        return em.createNamedQuery("FbColumn.findByTable", FbColumn.class).setParameter("tableId", table.id()).getResultList();
    }

    @Override
    public List<FbColumn> columnsForUpdate(FbTable table) {
        return em.createNamedQuery("FbColumn.findByTable", FbColumn.class).setParameter("tableId", table.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public Optional<FbRow> row(FbTable table, long row) {
        return Optional.ofNullable(em.find(FbRow.class, new FbRowKey(table.id(), row)));
    }

    @Override
    public List<FbRow> rows(FbTable table, long first, long end) {
        return em.createNamedQuery("FbRow.findRange", FbRow.class).setParameter("tableId", table.id()).setParameter("first", first)
                .setParameter("end", end).getResultList();
    }

    @Override
    public Map<Long, Long> tableCounts() {
        return counts(em.createNamedQuery("FbTable.countByDatabase", Object[].class).getResultList());
    }

    @Override
    public Map<Long, Long> columnCounts(FbDatabase database) {
        return counts(em.createNamedQuery("FbColumn.countByTableOfDatabase", Object[].class).setParameter("databaseId", database.id())
                .getResultList());
    }

    private static Map<Long, Long> counts(List<Object[]> idAndCount) {
        return idAndCount.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> ((Number) r[1]).longValue()));
    }

    @Override
    public Optional<FbRow> rowForUpdate(FbTable table, long row) {
        return Optional.ofNullable(em.find(FbRow.class, new FbRowKey(table.id(), row), LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(Object entity) throws FeatherBaseRefusal {
        em.persist(entity);
        flush();
    }

    @Override
    public void flush() throws FeatherBaseRefusal {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                throw new FeatherBaseRefusal(FeatherBaseRefusal.Reason.EXISTS, "name taken");
            }
            throw e;
        }
    }

    @Override
    public void deleteDatabase(FbDatabase database) {
        em.remove(database);
        em.flush();
    }

    @Override
    public void deleteTable(FbTable table) {
        em.remove(table);
        em.flush();
    }

    @Override
    public void deleteColumn(FbColumn column) {
        em.remove(column);
    }

    @Override
    public Optional<FbUser> user(String name) {
        return Optional.ofNullable(em.find(FbUser.class, name));
    }

    @Override
    public Optional<FbUser> userForUpdate(String name) {
        return Optional.ofNullable(em.find(FbUser.class, name, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<String> userNames() {
        return em.createQuery("SELECT u.name FROM FbUser u ORDER BY u.name", String.class).getResultList();
    }

    @Override
    public void deleteUser(FbUser user) {
        em.remove(user);
    }

    @Override
    public List<String> grants(String user) {
        return em.createNamedQuery("FbGrant.databasesOf", String.class).setParameter("user", user).getResultList();
    }

    @Override
    public Map<String, List<String>> usersWithGrants(Collection<String> names) {
        Map<String, List<String>> byUser = new HashMap<>();
        if (names.isEmpty()) {
            return byUser;
        }
        for (String user : em.createNamedQuery("FbUser.named", String.class).setParameter("names", names).getResultList()) {
            byUser.put(user, new ArrayList<>());
        }
        if (byUser.isEmpty()) {
            return byUser;
        }
        for (Object[] grant : em.createNamedQuery("FbGrant.of", Object[].class).setParameter("users", List.copyOf(byUser.keySet())).getResultList()) {
            byUser.get((String) grant[0]).add((String) grant[1]);
        }
        return byUser;
    }

    @Override
    public boolean revoke(String user, String database) {
        FbGrant grant = em.find(FbGrant.class, new FbGrantKey(user, database), LockModeType.PESSIMISTIC_WRITE);
        if (grant == null) {
            return false;
        }
        em.remove(grant);
        return true;
    }
}
