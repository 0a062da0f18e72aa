package org.reprodiff.model;

import java.util.Set;

/**
 * The keys of a run's environment map. Importers use these names so that two runs from different tools
 * compare fact by fact. Recorded environment variables are stored as {@code env.NAME}; framework versions as
 * {@code framework.NAME}. The hardware keys make up the {@link Facet#HARDWARE} facet, the rest the
 * {@link Facet#ENVIRONMENT} facet.
 */
public final class EnvironmentKeys {
    public static final String PYTHON = "python";
    public static final String OS = "os";
    public static final String HOST = "host";
    public static final String CPU = "cpu";
    public static final String CPU_COUNT = "cpuCount";
    public static final String MEMORY = "memory";
    public static final String GPU = "gpu";
    public static final String GPU_COUNT = "gpuCount";
    public static final String CUDA = "cuda";
    public static final String CUDNN = "cudnn";
    public static final String DRIVER = "driver";
    public static final String ENV_PREFIX = "env.";
    public static final String FRAMEWORK_PREFIX = "framework.";

    public static final Set<String> HARDWARE = Set.of(CPU, CPU_COUNT, MEMORY, GPU, GPU_COUNT, DRIVER);

    private EnvironmentKeys() {
    }

    public static boolean isHardware(String key) {
        return HARDWARE.contains(key);
    }
}
