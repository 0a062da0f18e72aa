package org.reprodiff.ingest.lightning;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Recognises a Lightning version folder from one listing (FORMATS.md 6 and 14): a folder directly holding
 * {@code hparams.yaml} (both loggers write it) and either {@code metrics.csv} (CSVLogger) or an event file
 * (TensorBoardLogger, possibly one {@code sub_dir} level down); or a folder named {@code version_<N>} holding
 * {@code metrics.csv} (a CSVLogger run that crashed before saving its hyperparameters). Reads no file.
 */
final class LightningLayout {
    static final String HPARAMS = "hparams.yaml";
    static final String METRICS = "metrics.csv";
    static final String CLI_CONFIG = "config.yaml";
    static final String CHECKPOINTS = "checkpoints";

    private LightningLayout() {
    }

    static boolean isVersionFolder(Path dir, BasicFileAttributes attributes) {
        if (attributes != null ? !attributes.isDirectory() : !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        boolean hparams = false;
        boolean metrics = false;
        boolean events = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.equals(HPARAMS)) {
                    hparams = true;
                } else if (name.equals(METRICS)) {
                    metrics = true;
                } else if (name.contains("tfevents")) {
                    events = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        Path name = dir.getFileName();
        boolean versionName = name != null && name.toString().matches("version_\\d+");
        return hparams && (metrics || events || versionName && subDirHoldsEvents(dir)) || versionName && metrics;
    }

    /** TensorBoardLogger's {@code sub_dir}: event files one level below the version folder. */
    private static boolean subDirHoldsEvents(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path sub : entries) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(sub, p -> p.getFileName().toString().contains("tfevents"))) {
                    if (files.iterator().hasNext()) {
                        return true;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
