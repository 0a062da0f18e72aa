package org.reprodiff.ingest.guild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprodiff.ingest.PackageListParser;
import org.reprodiff.model.EnvironmentKeys;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.Run;

/**
 * The machine and Python a Guild run recorded, under the shared {@link EnvironmentKeys} names: {@code host};
 * {@code platform} ({@code guild.util.platform_info}): {@code python_version} (the whole {@code sys.version},
 * of which the leading version number is kept), {@code cpus} as the CPU count, {@code uname} (Python's
 * {@code platform.uname()} joined by spaces: system, node, release, version…, machine, processor) as the OS
 * "system release", leaving the host name out, and {@code architecture} and {@code processor} under
 * {@code platform.*}; every variable of {@code env} as {@code env.NAME}; {@code pip_freeze}
 * ({@code name==version} lines) as pip packages through {@link PackageListParser}.
 */
final class GuildEnvironment {
    static final String PIP_FREEZE_ORIGIN = "guild pip_freeze";

    private GuildEnvironment() {
    }

    static void read(GuildAttrs attrs, Run.Builder run, List<ImportProblem> problems) {
        run.environment(EnvironmentKeys.HOST, attrs.text("host"));
        Map<?, ?> platform = attrs.map("platform");
        if (platform != null) {
            run.environment(EnvironmentKeys.PYTHON, pythonVersion(text(platform.get("python_version"))));
            run.environment(EnvironmentKeys.CPU_COUNT, text(platform.get("cpus")));
            run.environment(EnvironmentKeys.OS, os(text(platform.get("uname"))));
            run.environment("platform.architecture", text(platform.get("architecture")));
            run.environment("platform.processor", text(platform.get("processor")));
        }
        Map<?, ?> env = attrs.map("env");
        if (env != null) {
            env.forEach((k, v) -> run.environment(EnvironmentKeys.ENV_PREFIX + k, text(v)));
        }
        List<?> freeze = attrs.list("pip_freeze");
        if (freeze != null) {
            List<String> lines = new ArrayList<>();
            freeze.forEach(line -> lines.add(String.valueOf(line)));
            PackageListParser.requirements(String.join("\n", lines), PIP_FREEZE_ORIGIN, attrs.file("pip_freeze"),
                    problems).packages().forEach(run::packageRef);
        }
    }

    /** {@code 3.8.10} from {@code 3.8.10 (default, Jun 22 2022, 20:18:18) [GCC 9.4.0]}. */
    static String pythonVersion(String sysVersion) {
        if (sysVersion == null) {
            return null;
        }
        String v = sysVersion.strip();
        int space = v.indexOf(' ');
        return space < 0 ? v : v.substring(0, space);
    }

    /** {@code Linux 5.15.0-46-generic} from {@code Linux calusa 5.15.0-46-generic #49~20.04.1-Ubuntu SMP …}. */
    static String os(String uname) {
        if (uname == null) {
            return null;
        }
        String[] parts = uname.strip().split("\\s+");
        return parts.length >= 3 ? parts[0] + " " + parts[2] : uname.strip();
    }

    private static String text(Object v) {
        return v == null || v instanceof Map<?, ?> || v instanceof List<?> ? null : v.toString();
    }
}
