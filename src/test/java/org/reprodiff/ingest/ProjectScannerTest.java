package org.reprodiff.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprodiff.model.Progress;

class ProjectScannerTest {
    @TempDir
    Path root;

    private Path store(String relative) throws Exception {
        Path dir = Files.createDirectories(root.resolve(relative));
        Files.writeString(dir.resolve("toy.store"), "");
        return dir;
    }

    private List<Path> scan(ToyImporter toy) throws Exception {
        ProjectScanner scanner = new ProjectScanner(new ImporterCatalog(List.of(toy)));
        return scanner.scan(root, Progress.NONE).sources().stream().map(ProjectScanner.Source::path).sorted().toList();
    }

    @Test
    void findsSourcesAtAnyDepthButSkipsToolingFolders() throws Exception {
        Path a = store("a");
        Path deep = store("x/y/z/b");
        store(".git/c");
        store("node_modules/pkg/d");
        store("lib/python3.11/site-packages/e");
        store("src/__pycache__/f");
        Files.createDirectories(root.resolve("env"));
        Files.writeString(root.resolve("env/pyvenv.cfg"), "home = /usr");
        store("env/g");
        assertEquals(List.of(a, deep), scan(new ToyImporter()));
    }

    @Test
    void followsNoSymbolicLinkToAFolder() throws Exception {
        Path real = store("runs/real");
        Files.createSymbolicLink(root.resolve("latest-run"), real);
        Files.createSymbolicLink(root.resolve("runs/loop"), root);
        assertEquals(List.of(real), scan(new ToyImporter()));
    }

    @Test
    void doesNotAskTheClaimingImporterAboutFoldersInsideItsSource() throws Exception {
        Path outer = store("outer");
        store("outer/inner");
        Files.createDirectories(root.resolve("outer/inner/deeper"));
        ToyImporter toy = new ToyImporter();
        assertEquals(List.of(outer), scan(toy));
        assertEquals(2, toy.sniffs.get(), "asked about the root and outer only");
    }

    @Test
    void acceptsASourceFolderGivenDirectly() throws Exception {
        Path a = store("a");
        ProjectScanner scanner = new ProjectScanner(new ImporterCatalog(List.of(new ToyImporter())));
        assertEquals(List.of(a), scanner.scan(a, Progress.NONE).sources().stream().map(ProjectScanner.Source::path).toList());
    }

    @Test
    void reportsAMissingFolder() throws Exception {
        ProjectScanner scanner = new ProjectScanner(new ImporterCatalog(List.of(new ToyImporter())));
        ProjectScanner.ScanResult result = scanner.scan(root.resolve("nope"), Progress.NONE);
        assertTrue(result.sources().isEmpty());
        assertEquals(root.resolve("nope").toString(), result.problems().get(0).file());
        assertTrue(result.problems().get(0).message().contains("no such"));
    }
}
