package org.reprodiff.ingest.dvc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule that splits a stage's dependencies into code and data, and DVC path joining. */
class DvcPathsTest {
    @Test
    void aFolderHoldingTheCommandsScriptIsCodeAndItsArgumentsAreData() {
        List<String> cmds = List.of("python3 pipeline/train.py data/raw --out=data/prepared");
        assertTrue(DvcPaths.isCode("pipeline", cmds));
        assertFalse(DvcPaths.isCode("data/raw", cmds));
        assertFalse(DvcPaths.isCode("data/prepared", cmds));
        assertFalse(DvcPaths.isCode("pipe", cmds), "a name prefix is no folder");
    }

    @Test
    void sourceFilesAndConventionalCodeFoldersAreCodeWithoutACommand() {
        assertTrue(DvcPaths.isCode("train.py", List.of()));
        assertTrue(DvcPaths.isCode("notebooks/explore.ipynb", List.of()));
        assertTrue(DvcPaths.isCode("src", List.of()));
        assertTrue(DvcPaths.isCode("scripts/fetch", List.of()));
        assertFalse(DvcPaths.isCode("data/data.xml", List.of()));
        assertFalse(DvcPaths.isCode("model.pkl", List.of()));
        assertFalse(DvcPaths.isCode(".py", List.of()), "a bare extension is a hidden file, not Python");
    }

    @Test
    void joinsStagePathsToTheProject() {
        assertEquals("sub/params.yaml", DvcPaths.join("sub", "params.yaml"));
        assertEquals("data/x.csv", DvcPaths.join("sub", "../data/x.csv"));
        assertEquals("a/b", DvcPaths.join("", "a\\b"));
        assertEquals("python a.py && python b.py", DvcPaths.command(List.of("python a.py", "python b.py")));
    }
}
