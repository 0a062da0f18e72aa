package org.reprodiff.ui.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class WelcomeViewModelTest {
    private final Set<Path> folders = new HashSet<>(Set.of(Path.of("/work/alpha"), Path.of("/work/gamma"), Path.of("/s")));
    private final ObservableList<String> recent = FXCollections.observableArrayList("/work/gamma", "/work/beta", "/work/alpha");
    private final WelcomeViewModel model = new WelcomeViewModel(recent, folders::contains, Path.of("/s"));

    @Test
    void listsRecentProjectsInTheOrderGivenWithMissingFoldersMarked() {
        assertEquals(List.of("gamma", "beta", "alpha"), model.recent().stream().map(WelcomeViewModel.RecentProject::name).toList());
        assertEquals(List.of(true, false, true), model.recent().stream().map(WelcomeViewModel.RecentProject::exists).toList());
        assertEquals(List.of(Path.of("/work/gamma"), Path.of("/work/alpha")),
                model.openable().stream().map(WelcomeViewModel.RecentProject::path).toList());
    }

    @Test
    void followsTheRecentList() {
        recent.add(0, "/s");
        assertEquals("s", model.recent().get(0).name());
        recent.clear();
        assertTrue(model.recent().isEmpty());
    }

    @Test
    void aFolderThatReturnsIsOpenableAfterARefresh() {
        folders.add(Path.of("/work/beta"));
        assertFalse(model.recent().get(1).exists());
        model.refresh();
        assertTrue(model.recent().get(1).exists());
    }

    @Test
    void theSampleIsOfferedOnlyWhenItsFolderExists() {
        assertTrue(model.sampleAvailable());
        assertFalse(new WelcomeViewModel(recent, folders::contains, Path.of("/nowhere")).sampleAvailable());
        assertFalse(new WelcomeViewModel(recent, folders::contains, null).sampleAvailable());
    }
}
