package org.reprodiff.ingest.wandb;

import org.reprodiff.ingest.PackageListParser;
import org.reprodiff.model.ImportProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.ingest.SafeYaml;
import org.reprodiff.model.PackageRef;

/**
 * Reads a run's {@code files/} folder, in every SDK generation (FORMATS.md 2.5 – 2.8): {@code config.yaml}
 * (legacy {@code wandb_version: 1} and {@code {desc, value}} wrapping, or wandb-core {@code {value}}),
 * {@code wandb-summary.json} (bare {@code NaN}/{@code Infinity} tokens), {@code wandb-metadata.json},
 * {@code requirements.txt}, {@code conda-environment.yaml}, {@code diff.patch} and {@code output.log}.
 * Every file is optional (an offline run of a current SDK has few of them); one that cannot be read is a
 * problem naming it, and the others are still read. Reads only regular files, never follows a link out.
 */
final class WandbFiles {
    static final String CONFIG = "config.yaml";
    static final String SUMMARY = "wandb-summary.json";
    static final String METADATA = "wandb-metadata.json";
    static final String REQUIREMENTS = "requirements.txt";
    static final String CONDA = "conda-environment.yaml";
    static final String PATCH = "diff.patch";
    static final String OUTPUT = "output.log";
    /** Larger text files (a huge patch) are not kept whole. */
    static final long MAX_TEXT = 16L * 1024 * 1024;

    /** What the folder holds; a field is null when its file is absent or unreadable. */
    record Content(Map<String, Object> config, Map<String, Object> summary, WandbEnvironment metadata,
                   List<PackageRef> packages, String condaPython, String patch, boolean hasOutputLog) {
    }

    private WandbFiles() {
    }

    static Content read(Path dir, WandbProblems problems) {
        boolean outputLog = false;
        Map<String, Object> config = null;
        Map<String, Object> summary = null;
        WandbEnvironment metadata = null;
        List<PackageRef> packages = new ArrayList<>();
        String condaPython = null;
        String patch = null;
        for (String name : List.of(CONFIG, SUMMARY, METADATA, REQUIREMENTS, CONDA, PATCH, OUTPUT)) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String where = file.toString();
            if (name.equals(OUTPUT)) {
                outputLog = true;
                continue;
            }
            String text = text(file, problems);
            if (text == null) {
                continue;
            }
            switch (name) {
                case CONFIG -> config = config(text, where, problems);
                case SUMMARY -> summary = jsonObject(text, where, problems);
                case METADATA -> metadata = metadata(text, where, problems);
                case REQUIREMENTS -> packages.addAll(packageList(PackageListParser::requirements, text, name, where, problems).packages());
                case CONDA -> {
                    PackageListParser.Environment p = packageList(PackageListParser::conda, text, name, where, problems);
                    packages.addAll(p.packages());
                    condaPython = p.python();
                }
                case PATCH -> patch = text.isBlank() ? null : text;
                default -> { }
            }
        }
        return new Content(config, summary, metadata, packages, condaPython, patch, outputLog);
    }

    private static String text(Path file, WandbProblems problems) {
        try {
            long size = Files.size(file);
            if (size > MAX_TEXT) {
                problems.add(file.toString(), "", "file of " + size + " bytes is larger than " + MAX_TEXT
                        + " bytes; not read");
                return null;
            }
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(file.toString(), "", "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
            return null;
        }
    }

    /**
     * The config's top-level keys with their values unwrapped: {@code wandb_version} dropped, a map holding
     * {@code value} (with or without {@code desc}) replaced by that value.
     */
    static Map<String, Object> config(String text, String file, WandbProblems problems) {
        Object doc;
        try {
            doc = SafeYaml.parse(text);
        } catch (RuntimeException e) {
            problems.add(file, "", "not YAML: " + String.valueOf(e.getMessage()).replace('\n', ' ').trim());
            return null;
        }
        if (doc == null) {
            problems.add(file, "", "empty config file");
            return null;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            problems.add(file, "", "not a YAML mapping");
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!key.equals("wandb_version")) {
                out.put(key, unwrap(v));
            }
        });
        return out;
    }

    /** {@code {value: X}} or {@code {desc: D, value: X}} is X; anything else is itself. */
    static Object unwrap(Object v) {
        if (v instanceof Map<?, ?> m && m.containsKey("value") && m.size() <= 2
                && (m.size() == 1 || m.containsKey("desc"))) {
            return m.get("value");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(String text, String file, WandbProblems problems) {
        try {
            Object value = WandbValues.parse(text);
            if (value instanceof Map<?, ?>) {
                return (Map<String, Object>) value;
            }
            problems.add(file, "", "not a JSON object");
        } catch (IOException e) {
            problems.add(file, "", "not JSON: " + e.getMessage().replace('\n', ' '));
        }
        return null;
    }

    private static WandbEnvironment metadata(String text, String file, WandbProblems problems) {
        try {
            JsonNode node = LenientJson.mapper().readTree(text);
            if (node != null && node.isObject()) {
                return WandbMetadata.read(node, file, problems);
            }
            problems.add(file, "", "not a JSON object");
        } catch (IOException e) {
            problems.add(file, "", "not JSON: " + e.getMessage().replace('\n', ' '));
        }
        return null;
    }

    /** The shared package-list parser, with its problems passed on (a repeated bad line is reported a few times). */
    private static PackageListParser.Environment packageList(PackageListParser.Reader reader, String text, String name,
                                                             String where, WandbProblems problems) {
        List<ImportProblem> found = new ArrayList<>();
        PackageListParser.Environment env = reader.read(text, "files/" + name, where, found);
        found.forEach(p -> problems.add("bad requirement", p.file(), p.where(), p.message()));
        return env;
    }
}
