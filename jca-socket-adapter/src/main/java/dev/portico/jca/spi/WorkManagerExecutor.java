package dev.portico.jca.spi;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Runs the transport's tasks as {@link Work} on the container's WorkManager: the adapter starts no threads of its own. */
final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    @Override
    public void execute(Runnable task) {
        try {
            workManager.scheduleWork(new TaskWork(task));
        } catch (WorkException e) {
            throw new RejectedExecutionException("the WorkManager refused a task: " + e.getMessage(), e);
        }
    }

    /** A transport task as a Work; the task ends by itself when its listener stops. */
    private record TaskWork(Runnable task) implements Work {
        @Override
        public void run() {
            task.run();
        }

        @Override
        public void release() {
            // Listeners are stopped through SocketListener.stop(), which ends their loops.
        }
    }
}
