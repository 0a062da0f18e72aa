package org.reprodiff.ui.common;

import java.util.function.Consumer;
import org.reprodiff.model.Progress;

/**
 * Runs long work off the FX thread and delivers its progress and result on it. View models take one, so tests
 * can run them on the same thread ({@link SameThreadRunner}).
 */
public interface TaskRunner {

    /** Work that reports progress and is cancelled by interruption. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** A submitted piece of work. */
    interface Handle {
        void cancel();
    }

    /**
     * Starts {@code work}; {@code progress}, {@code onDone} and {@code onFailed} are called on the UI thread.
     * A cancelled work calls neither {@code onDone} nor {@code onFailed}.
     */
    <T> Handle submit(Work<T> work, Progress progress, Consumer<T> onDone, Consumer<Throwable> onFailed);
}
