package org.reprodiff.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.reprodiff.ingest.ImporterCatalog;
import org.reprodiff.ingest.ProjectScanner;
import org.reprodiff.ingest.dvc.DvcImporter;
import org.reprodiff.ingest.dvc.DvcLiveImporter;
import org.reprodiff.ingest.guild.GuildImporter;
import org.reprodiff.ingest.lightning.LightningImporter;
import org.reprodiff.ingest.mlflow.MlflowFileStoreImporter;
import org.reprodiff.ingest.mlflow.MlflowSqlImporter;
import org.reprodiff.ingest.sacred.SacredImporter;
import org.reprodiff.ingest.csv.CsvLogImporter;
import org.reprodiff.ingest.hydra.HydraImporter;
import org.reprodiff.ingest.tensorboard.TensorboardImporter;
import org.reprodiff.ingest.wandb.WandbImporter;
import org.reprodiff.service.CompareService;
import org.reprodiff.service.ImportService;
import org.reprodiff.service.PreferencesStore;
import org.reprodiff.service.ReportService;
import org.reprodiff.service.RunService;
import org.reprodiff.service.Services;
import org.reprodiff.store.DatabaseLocation;
import org.reprodiff.store.SqliteRunStore;
import org.reprodiff.ui.DesktopApp;

/** The composition root: builds the object graph, with constructors, for the CLI and the desktop app alike. */
public final class Composition {
    /** The demo project opened when no folder is given. */
    public static final Path SAMPLE_RUNS = Path.of("sample-runs");

    private Composition() {
    }

    public static ImporterCatalog catalog() {
        return new ImporterCatalog(List.of(new MlflowFileStoreImporter(), new MlflowSqlImporter(), new WandbImporter(),
                new LightningImporter(), new TensorboardImporter(), new HydraImporter(), new SacredImporter(), new DvcImporter(), new DvcLiveImporter(),
                new GuildImporter(), new CsvLogImporter()));
    }

    /** Services over {@code database} (null: the default database in the user's application-data folder). */
    public static Services services(Path database) {
        SqliteRunStore store = SqliteRunStore.open(database != null ? database : DatabaseLocation.defaultPath());
        ImportService imports = new ImportService(new ProjectScanner(catalog()), store);
        RunService runs = new RunService(store, imports);
        return new Services(imports, runs, new CompareService(store, runs), new ReportService(Clock.systemUTC()), store);
    }

    static int openDesktop(Path database, Path folder) {
        Path target = folder != null ? folder : Files.isDirectory(SAMPLE_RUNS) ? SAMPLE_RUNS : null;
        if (target != null && !Files.isDirectory(target)) {
            System.err.println("reprodiff: no such folder: " + target.toAbsolutePath());
            return 2;
        }
        try (Services services = services(database)) {
            return new DesktopApp(services, PreferencesStore.atDefaultLocation(), SAMPLE_RUNS.toAbsolutePath()).run(target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        } catch (Exception e) {
            System.err.println("reprodiff: " + e.getMessage());
            return 2;
        }
    }
}
