package org.reprodiff.ui.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One facet's tab in the compare view, without nodes: its differences, expected differences and equal entries,
 * and the rows on show for the current filter. Invariants: {@link #rows()} holds the differences (in the differ's
 * order) or, with only-differences off, the differences and the equal entries merged by key; then, when there are
 * expected differences, a {@link FacetRow.Kind#GROUP} row followed by them, so they always sit apart at the bottom.
 * The search keeps rows whose key, values or note contain its text (ignoring case); a group row stays only while
 * an expected row below it matches.
 */
public final class FacetSection {
    private final String id;
    private final String title;
    private final String singular;
    private final String plural;
    private final List<FacetRow> differences;
    private final List<FacetRow> expected;
    private final List<FacetRow> equal;
    private final int equalCount;
    private final String notCaptured;
    private final ObservableList<FacetRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    /**
     * @param id          the tab id, a facet id ({@code params}, {@code code}…)
     * @param singular    how one entry is called in sentences ("parameter")
     * @param plural      how several are called ("parameters")
     * @param equalCount  how many entries the differ found equal
     * @param notCaptured the notice when either run did not capture the facet, else null
     */
    public FacetSection(String id, String title, String singular, String plural, List<FacetRow> differences,
                        List<FacetRow> expected, List<FacetRow> equal, int equalCount, String notCaptured) {
        this.id = id;
        this.title = title;
        this.singular = singular;
        this.plural = plural;
        this.differences = List.copyOf(differences);
        this.expected = List.copyOf(expected);
        this.equal = List.copyOf(equal);
        this.equalCount = equalCount;
        this.notCaptured = notCaptured;
        refresh(true, "");
    }

    /** Recomputes the rows on show, the empty-state text and the summary line. */
    public void refresh(boolean onlyDifferences, String query) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<FacetRow> shown = new ArrayList<>();
        for (FacetRow r : differences) {
            if (r.matches(needle)) {
                shown.add(r);
            }
        }
        if (!onlyDifferences) {
            for (FacetRow r : equal) {
                if (r.matches(needle)) {
                    shown.add(r);
                }
            }
            shown.sort(Comparator.comparing(FacetRow::key));
        }
        List<FacetRow> apart = expected.stream().filter(r -> r.matches(needle)).toList();
        if (!apart.isEmpty()) {
            shown.add(FacetRow.group("Expected differences (" + apart.size() + ")", "shown apart: not evidence of a change"));
            shown.addAll(apart);
        }
        rows.setAll(shown);
        placeholder.set(emptyText(needle, query));
        long matching = shown.stream().filter(r -> r.kind() != FacetRow.Kind.GROUP).count();
        summary.set(summaryText(onlyDifferences) + (needle.isEmpty() ? "" : " · " + matching + " shown for “" + query.strip() + "”"));
    }

    private String emptyText(String needle, String query) {
        if (!needle.isEmpty()) {
            return "No " + plural + " match “" + query.strip() + "”.";
        }
        if (differences.isEmpty() && equalCount > 0) {
            return sameText();
        }
        return "Neither run recorded any " + plural + ".";
    }

    private String sameText() {
        return equalCount == 1 ? "Both runs recorded the same " + singular + "."
                : "Both runs recorded the same " + equalCount + " " + plural + ".";
    }

    private String summaryText(boolean onlyDifferences) {
        List<String> parts = new ArrayList<>();
        if (differences.isEmpty()) {
            parts.add(equalCount > 0 ? "No differences: " + lowerFirst(sameText()) : "No differences");
        } else {
            parts.add(differences.size() + (differences.size() == 1 ? " difference" : " differences"));
            if (equalCount > 0) {
                parts.add(equalCount + " equal" + (onlyDifferences ? " (hidden)" : ""));
            }
        }
        if (!expected.isEmpty()) {
            parts.add(expected.size() + " expected");
        }
        return String.join(" · ", parts);
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The indices in {@link #rows()} of the rows that are differences (the stops of next/previous). */
    public List<Integer> differenceIndices() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).isDifference()) {
                out.add(i);
            }
        }
        return out;
    }

    /** The index in {@link #rows()} of the first row with {@code key}, or -1. */
    public int indexOf(String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind() != FacetRow.Kind.GROUP && rows.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The tab's title with its count of differences, e.g. {@code Parameters (1)}. */
    public String tabTitle() {
        return title + " (" + differences.size() + ")";
    }

    public String id() { return id; }
    public String title() { return title; }
    public int differenceCount() { return differences.size(); }
    public int expectedCount() { return expected.size(); }
    public int equalCount() { return equalCount; }
    /** The notice when either run did not capture this facet, else null. */
    public String notCaptured() { return notCaptured; }
    public ObservableList<FacetRow> rows() { return rows; }
    /** What an empty table says. */
    public ReadOnlyStringProperty placeholderProperty() { return placeholder.getReadOnlyProperty(); }
    /** The line under the table: counts of differences, equal and expected entries. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
}
