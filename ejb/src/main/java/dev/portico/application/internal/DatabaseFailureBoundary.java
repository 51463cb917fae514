package dev.portico.application.internal;

import dev.portico.application.DatabaseFailure;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Every bean's way out (bound to all of the module's beans in {@code ejb-jar.xml}): a failure that is the
 * database's ({@link DatabaseFailure}) leaves as one, rolling back the method's transaction if it has one,
 * so that the container does not log a request the channel answers as an unexpected error with its stack
 * trace. Anything else passes unchanged.
 */
public class DatabaseFailureBoundary {

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object translate(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (RuntimeException e) {
            DatabaseFailure database = DatabaseFailure.of(e, transactions.getTransactionKey() != null);
            throw database != null ? database : e;
        }
    }
}
