package org.reprodiff.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reprodiff.ui.compare.DifferenceNavigator.Location;

/** Next/previous difference over tabs: within a tab, on to the next tab that has one, and round. */
class DifferenceNavigatorTest {
    private final DifferenceNavigator nav = new DifferenceNavigator(List.of(List.of(2, 5), List.of(), List.of(0)));

    @Test
    void nextMovesWithinATabThenToTheNextTabWithADifference() {
        assertEquals(Optional.of(new Location(0, 2)), nav.next(new Location(0, -1)));
        assertEquals(Optional.of(new Location(0, 2)), nav.next(new Location(0, 0)));
        assertEquals(Optional.of(new Location(0, 5)), nav.next(new Location(0, 3)));
        assertEquals(Optional.of(new Location(2, 0)), nav.next(new Location(0, 5)));
        assertEquals(Optional.of(new Location(2, 0)), nav.next(new Location(1, -1)));
    }

    @Test
    void nextWrapsFromTheLastDifferenceToTheFirst() {
        assertEquals(Optional.of(new Location(0, 2)), nav.next(new Location(2, 0)));
    }

    @Test
    void previousMirrorsNext() {
        assertEquals(Optional.of(new Location(0, 5)), nav.previous(new Location(2, 0)));
        assertEquals(Optional.of(new Location(0, 2)), nav.previous(new Location(0, 5)));
        assertEquals(Optional.of(new Location(2, 0)), nav.previous(new Location(0, 2)));
        assertEquals(Optional.of(new Location(0, 5)), nav.previous(new Location(1, -1)));
    }

    @Test
    void aSingleDifferenceIsFoundAgainFromItself() {
        DifferenceNavigator one = new DifferenceNavigator(List.of(List.of(), List.of(3)));
        assertEquals(Optional.of(new Location(1, 3)), one.next(new Location(1, 3)));
        assertEquals(Optional.of(new Location(1, 3)), one.previous(new Location(1, 3)));
    }

    @Test
    void nothingToFindWhenNoTabHasADifference() {
        DifferenceNavigator none = new DifferenceNavigator(List.of(List.of(), List.of()));
        assertEquals(Optional.empty(), none.next(new Location(0, -1)));
        assertEquals(Optional.empty(), none.previous(new Location(1, 4)));
    }
}
