package org.reprodiff.ui.compare;

import java.util.List;
import java.util.Optional;

/**
 * Next and previous difference over all tabs of a comparison. Given, per tab, the row indices that are
 * differences (ascending), {@link #next} moves to the next difference after a position, on to the first difference
 * of the next tab that has one at the end of a tab, and wraps round after the last; {@link #previous} mirrors it.
 * A position with row -1 means "nothing selected in that tab". Empty when no tab has a difference.
 */
public final class DifferenceNavigator {
    /** A tab and a row in it. */
    public record Location(int tab, int row) {
    }

    private final List<List<Integer>> targets;

    /** @param targets per tab, in tab order, the ascending row indices that are differences */
    public DifferenceNavigator(List<List<Integer>> targets) {
        this.targets = List.copyOf(targets);
    }

    public Optional<Location> next(Location from) {
        int n = targets.size();
        int start = from == null || from.tab() < 0 || from.tab() >= n ? 0 : from.tab();
        int row = from == null || from.tab() != start ? -1 : from.row();
        for (int step = 0; step <= n && n > 0; step++) {
            int tab = (start + step) % n;
            for (int index : targets.get(tab)) {
                if (step > 0 || index > row) {
                    return Optional.of(new Location(tab, index));
                }
            }
        }
        return Optional.empty();
    }

    public Optional<Location> previous(Location from) {
        int n = targets.size();
        int start = from == null || from.tab() < 0 || from.tab() >= n ? n - 1 : from.tab();
        int row = from == null || from.tab() != start ? Integer.MAX_VALUE : from.row();
        for (int step = 0; step <= n && n > 0; step++) {
            int tab = Math.floorMod(start - step, n);
            List<Integer> rows = targets.get(tab);
            for (int i = rows.size() - 1; i >= 0; i--) {
                if (step > 0 || rows.get(i) < row) {
                    return Optional.of(new Location(tab, rows.get(i)));
                }
            }
        }
        return Optional.empty();
    }
}
