package org.reprodiff.ingest;

import java.util.List;
import java.util.Optional;

/** The importers the app knows, in the order the scanner asks them. Built explicitly by the composition root. */
public final class ImporterCatalog {
    private final List<RunImporter> importers;

    public ImporterCatalog(List<RunImporter> importers) {
        this.importers = List.copyOf(importers);
    }

    public List<RunImporter> importers() {
        return importers;
    }

    public Optional<RunImporter> byFormat(String formatId) {
        return importers.stream().filter(i -> i.formatId().equals(formatId)).findFirst();
    }
}
