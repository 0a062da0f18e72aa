package org.reprodiff.service;

/**
 * The services over one open database, as the CLI and the desktop app see them. Closing it closes the
 * database.
 */
public record Services(ImportService imports, RunService runs, CompareService compare, ReportService reports,
                       AutoCloseable resources) implements AutoCloseable {
    @Override
    public void close() throws Exception {
        resources.close();
    }
}
