package org.reprodiff.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real logs in {@code ../shared/realdata} (read in place, never copied). Without them a test is
 * skipped with a clear message, except under {@code CI=true}, where their absence fails the test.
 */
public final class RealData {
    private RealData() {
    }

    /** The folder {@code ../shared/realdata/<sub>}, or the test is skipped (failed under CI). */
    public static Path require(String sub) {
        Path root = Path.of("..", "shared", "realdata").toAbsolutePath().normalize();
        Path dir = root.resolve(sub);
        if (!Files.isDirectory(dir)) {
            String message = "real logs not found at " + dir + " (expected ../shared/realdata beside the project)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; under CI=true they are required");
            }
            assumeTrue(false, message + "; skipping");
        }
        return dir;
    }
}
