package org.reprodiff.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reprodiff.model.Run;
import org.reprodiff.model.RunSummary;
import org.reprodiff.model.StoredRun;

/**
 * Where imported runs live. A run is keyed by ({@code source}, {@code nativeId}): saving it again replaces it
 * and keeps its id. Each {@link #save} is one transaction. Import units remember the fingerprint they had when
 * last read, so unchanged units are not read again.
 */
public interface RunStore extends AutoCloseable {

    /** Whether a save created a run or replaced one. */
    enum Saved { NEW, UPDATED }

    /**
     * Saves a run read from {@code unit}, in one transaction. {@code twinKey} is the key of its twin group (null
     * when it belongs to none); runs sharing a key form a twin group.
     */
    Saved save(Run run, String unit, String twinKey);

    /** The fingerprint a unit had when it was last read completely, if any. */
    Optional<String> unitFingerprint(String unit);

    /** Records that {@code unit} was read completely with this fingerprint. */
    void recordUnit(String unit, String format, String fingerprint);

    /** How many stored runs came from {@code unit}. */
    int countRunsOfUnit(String unit);

    /** Every run, as rows for the runs list, in id order. */
    List<RunSummary> list();

    Optional<StoredRun> load(long id);

    /** The last value of each of a run's series, read without decoding the run (NaN where it was not finite). */
    Map<String, Double> lastValues(long id);

    /** Runs whose native id starts with {@code prefix}. */
    List<RunSummary> findByNativeIdPrefix(String prefix);

    List<RunSummary> findByName(String name);

    List<RunSummary> findBySource(String source);

    /** The ids of the runs in the same twin group as run {@code id} (itself included); empty when it has none. */
    List<Long> twinsOf(long id);

    int count();

    @Override
    void close();
}
