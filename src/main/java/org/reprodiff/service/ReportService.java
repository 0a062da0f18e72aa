package org.reprodiff.service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.reprodiff.report.ComparedRuns;
import org.reprodiff.report.Report;
import org.reprodiff.report.ReportFormat;
import org.reprodiff.report.ReportWriters;

/**
 * Writes the reproducibility report of a comparison to a file, in any {@link ReportFormat}. The file appears
 * whole or not at all: the report is written beside it under a temporary name and moved into place. Stateless
 * apart from its clock, which dates the reports.
 */
public final class ReportService {
    private final ReportWriters writers;

    public ReportService(Clock clock) {
        this.writers = new ReportWriters(clock);
    }

    /**
     * The format to write: {@code explicit} when given (pdf, html, markdown, json, text), else the one the file's
     * extension names. Throws {@link IllegalArgumentException} when neither names a format.
     */
    public static ReportFormat formatFor(Path file, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return ReportFormat.parse(explicit);
        }
        Path name = file.getFileName();
        ReportFormat f = name == null ? null : ReportFormat.fromFileName(name.toString());
        if (f == null) {
            throw new IllegalArgumentException("cannot tell the report format from '" + file
                    + "': name it .pdf, .html, .md or .json, or give --format");
        }
        return f;
    }

    /** The report model of a comparison, dated by this service's clock. */
    public Report report(ComparedRuns compared) {
        return writers.report(compared);
    }

    /** Writes the report to {@code file}, replacing it; returns the absolute path written. */
    public Path write(ComparedRuns compared, ReportFormat format, Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "no such folder");
        }
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a folder");
        }
        // not Files.createTempFile: its owner-only permissions would stick to the report
        Path part = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                writers.write(report(compared), format, out);
            }
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
