package dev.portico.infrastructure.persistence.jdbc;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The column ids travel in the row's query as one GROUP_CONCAT, which MariaDB cuts at the session's
 * group_concat_max_len: a list that reaches that length is read again on its own, never half used.
 */
class JdbcFbRowStoreTest {

    private final StringBuilder asked = new StringBuilder();

    /** A result whose columns 1 and 2 hold the joined ids and the length limit. */
    private static ResultSet found(String joined, long maxLength) {
        return (ResultSet) Proxy.newProxyInstance(JdbcFbRowStoreTest.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getString" -> joined;
                    case "getLong" -> maxLength;
                    default -> throw new AssertionError(method.getName());
                });
    }

    /** A connection that answers the column query with these ids, and notes the statements asked for. */
    private Connection columns(Long... ids) {
        Iterator<Long> each = List.of(ids).iterator();
        ResultSet rows = (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "next" -> each.hasNext();
                    case "getLong" -> each.next();
                    case "close" -> null;
                    default -> throw new AssertionError(method.getName());
                });
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setLong", "close" -> null;
                    case "executeQuery" -> rows;
                    default -> throw new AssertionError(method.getName());
                });
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement")) {
                asked.append(args[0]);
                return statement;
            }
            throw new AssertionError(method.getName());
        });
    }

    @Test
    void aWholeListIsUsedAsItCameWithoutAnotherQuery() throws Exception {
        assertEquals(List.of(7L, 3L, 12L), JdbcFbRowStore.columnIds(columns(), found("7,3,12,", 1024), 1, 5));
        assertEquals(List.of(), JdbcFbRowStore.columnIds(columns(), found(null, 1024), 1, 5));
        assertEquals("", asked.toString());
    }

    @Test
    void aListAsLongAsTheLimitMayBeCutAndIsReadAgain() throws Exception {
        assertEquals(List.of(7L, 3L, 123L), JdbcFbRowStore.columnIds(columns(7L, 3L, 123L), found("7,3,1", 5), 1, 5));
        assertEquals("SELECT id FROM fb_column WHERE table_id = ? ORDER BY position", asked.toString());
    }
}
