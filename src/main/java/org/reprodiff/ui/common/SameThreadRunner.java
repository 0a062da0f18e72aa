package org.reprodiff.ui.common;

import java.util.function.Consumer;
import org.reprodiff.model.Progress;

/** Runs work at once on the calling thread: for view-model tests. */
public final class SameThreadRunner implements TaskRunner {
    @Override
    public <T> Handle submit(Work<T> work, Progress progress, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        try {
            onDone.accept(work.call(progress));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            onFailed.accept(e);
        }
        return () -> { };
    }
}
