package dev.portico.interfaces.socket;

import dev.portico.application.DatabaseAvailability;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;

/** Stand-ins for the services an MDB calls, and the injection of them into the bean's fields, for unit tests of its reply mapping. */
final class BeanStubs {

    /** A database that is up; a runtime failure is an outage when its cause is a lost connection. */
    static final DatabaseAvailability UP = availability(true);
    static final DatabaseAvailability DOWN = availability(false);

    private BeanStubs() {
    }

    /** One method's behaviour: its return value, or what it throws. */
    @FunctionalInterface
    interface Answer {
        Object answer(Object[] arguments) throws Throwable;
    }

    /** A proxy of the interface whose method {@code name} answers so; every other method fails the test. */
    static <T> T stub(Class<T> type, String name, Answer answer) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getName().equals(name)) {
                return answer.answer(arguments == null ? new Object[0] : arguments);
            }
            if (method.getName().equals("toString")) {
                return "stub " + type.getSimpleName();
            }
            throw new AssertionError("unexpected call " + method.getName());
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** Sets the bean's field of the given type (its {@code @EJB} reference). */
    static <B> B inject(B bean, Object... services) {
        for (Object service : services) {
            boolean injected = false;
            for (Field field : bean.getClass().getDeclaredFields()) {
                if (field.getType().isInstance(service)) {
                    field.setAccessible(true);
                    try {
                        field.set(bean, service);
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                    injected = true;
                }
            }
            if (!injected) {
                throw new AssertionError(bean.getClass().getSimpleName() + " has no field for " + service);
            }
        }
        return bean;
    }

    /** A lost connection, as the JDBC driver reports one during an outage. */
    static RuntimeException connectionLost() {
        return new IllegalStateException("statement failed", new SQLTransientConnectionException("connection lost"));
    }

    private static DatabaseAvailability availability(boolean usable) {
        return new DatabaseAvailability() {
            @Override
            public boolean usable() {
                return usable;
            }

            @Override
            public boolean outage(Throwable failure) {
                for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                    if (cause instanceof SQLTransientConnectionException) {
                        return true;
                    }
                }
                return false;
            }
        };
    }
}
