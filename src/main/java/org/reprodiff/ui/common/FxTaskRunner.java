package org.reprodiff.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.reprodiff.model.Progress;

/**
 * Runs work as a {@link Task} on the app's one executor. Progress is coalesced: the UI sees the latest update,
 * not every one. Work submitted after the executor shut down (the app is closing) is dropped.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService executor;

    public FxTaskRunner(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public <T> Handle submit(Work<T> work, Progress progress, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call((done, total, what) -> {
                    updateMessage(what);
                    updateProgress(done, total);
                });
            }
        };
        task.progressProperty().addListener((o, a, b) -> progress.update(
                (long) task.getWorkDone(), (long) task.getTotalWork(), task.getMessage()));
        task.messageProperty().addListener((o, a, b) -> progress.update(
                (long) task.getWorkDone(), (long) task.getTotalWork(), b));
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnFailed(e -> {
            if (!(task.getException() instanceof InterruptedException)) {
                onFailed.accept(task.getException());
            }
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
        return () -> task.cancel(true);
    }
}
