package org.reprodiff.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One run, whatever its source (PRODUCT.md, "The run, whatever its source"). Immutable. Invariants: a run is
 * identified by ({@code source}, {@code nativeId}); {@code params} are sorted by key with unique keys;
 * {@code seeds} were found by {@link SeedFinder} when the run was built; {@code notCaptured} names every facet
 * the source did not record. Build one with {@link #builder}.
 */
public record Run(String format, String source, String nativeId, String name, String experiment, RunStatus status,
                  boolean deleted, boolean truncated, Instant startTime, Instant endTime, String user,
                  List<Param> params, List<SeedRecord> seeds, CodeState code, List<DataRef> data,
                  SortedMap<String, String> environment, List<PackageRef> packages, List<MetricSeries> metrics,
                  SortedMap<String, Double> summary, SortedMap<String, String> tags, List<String> artifacts,
                  String artifactUri, Set<Facet> notCaptured, List<ImportProblem> problems) {

    public Run {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(nativeId, "nativeId");
        Objects.requireNonNull(status, "status");
        params = List.copyOf(params);
        seeds = List.copyOf(seeds);
        code = code == null ? CodeState.NONE : code;
        data = List.copyOf(data);
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        packages = List.copyOf(packages);
        metrics = List.copyOf(metrics);
        summary = Collections.unmodifiableSortedMap(new TreeMap<>(summary));
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
        artifacts = List.copyOf(artifacts);
        notCaptured = Collections.unmodifiableSet(notCaptured.isEmpty() ? EnumSet.noneOf(Facet.class) : EnumSet.copyOf(notCaptured));
        problems = List.copyOf(problems);
    }

    public static Builder builder(String format, String source, String nativeId) {
        return new Builder(format, source, nativeId);
    }

    /** The host the run ran on, from its environment, or null. */
    public String host() {
        return environment.get(EnvironmentKeys.HOST);
    }

    public Param param(String key) {
        for (Param p : params) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        return null;
    }

    public MetricSeries metric(String key) {
        for (MetricSeries m : metrics) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        return null;
    }

    /** Collects what an importer read; {@link #build()} finds the seeds and works out what was not captured. */
    public static final class Builder {
        private final String format;
        private final String source;
        private final String nativeId;
        private String name;
        private String experiment;
        private RunStatus status = RunStatus.UNKNOWN;
        private boolean deleted;
        private boolean truncated;
        private Instant startTime;
        private Instant endTime;
        private String user;
        private final Map<String, Param> params = new TreeMap<>();
        private final List<SeedRecord> toolSeeds = new ArrayList<>();
        private CodeState code = CodeState.NONE;
        private final List<DataRef> data = new ArrayList<>();
        private final SortedMap<String, String> environment = new TreeMap<>();
        private final List<PackageRef> packages = new ArrayList<>();
        private final Map<String, MetricSeries> metrics = new LinkedHashMap<>();
        private final SortedMap<String, Double> summary = new TreeMap<>();
        private final SortedMap<String, String> tags = new TreeMap<>();
        private final List<String> artifacts = new ArrayList<>();
        private String artifactUri;
        private final Set<Facet> captured = EnumSet.noneOf(Facet.class);
        private final List<ImportProblem> problems = new ArrayList<>();

        private Builder(String format, String source, String nativeId) {
            this.format = format;
            this.source = source;
            this.nativeId = nativeId;
        }

        public Builder name(String v) { this.name = v; return this; }
        public Builder experiment(String v) { this.experiment = v; return this; }
        public Builder status(RunStatus v) { this.status = v; return this; }
        public Builder deleted(boolean v) { this.deleted = v; return this; }
        public Builder truncated(boolean v) { this.truncated = v; return this; }
        public Builder startTime(Instant v) { this.startTime = v; return this; }
        public Builder endTime(Instant v) { this.endTime = v; return this; }
        public Builder user(String v) { this.user = v; return this; }
        public Builder code(CodeState v) { this.code = v; return this; }
        public Builder artifactUri(String v) { this.artifactUri = v; return this; }

        /** Adds a parameter; a later value for the same key replaces the earlier one. */
        public Builder param(String key, ParamValue value) {
            params.put(key, new Param(key, value));
            return this;
        }

        /** A seed found in a tool-specific place (not a parameter), e.g. Sacred's root seed. */
        public Builder seed(SeedRecord seed) { toolSeeds.add(seed); return this; }
        public Builder data(DataRef ref) { data.add(ref); return this; }
        public Builder environment(String key, String value) {
            if (value != null && !value.isBlank()) {
                environment.put(key, value);
            }
            return this;
        }
        public Builder packageRef(PackageRef ref) { packages.add(ref); return this; }

        /** Adds a series; a series with a key already present replaces it. */
        public Builder metric(MetricSeries series) { metrics.put(series.key(), series); return this; }
        public Builder summary(String key, double value) { summary.put(key, value); return this; }
        public Builder tag(String key, String value) { tags.put(key, value); return this; }
        public Builder artifact(String path) { artifacts.add(path); return this; }
        public Builder problem(ImportProblem p) { problems.add(p); return this; }

        /** Declares a facet captured even though it is empty (the source records it, and it was empty). */
        public Builder captured(Facet facet) { captured.add(facet); return this; }

        public String format() { return format; }
        public String nativeId() { return nativeId; }

        public Run build() {
            List<Param> paramList = new ArrayList<>(params.values());
            List<SeedRecord> seeds = SeedFinder.find(paramList, toolSeeds);
            List<MetricSeries> metricList = new ArrayList<>(metrics.values());
            metricList.sort(Comparator.comparing(MetricSeries::key));
            Set<Facet> notCaptured = EnumSet.noneOf(Facet.class);
            boolean hardware = environment.keySet().stream().anyMatch(EnvironmentKeys::isHardware);
            boolean environmentFacts = environment.keySet().stream().anyMatch(k -> !EnvironmentKeys.isHardware(k));
            mark(notCaptured, Facet.PARAMS, !paramList.isEmpty());
            mark(notCaptured, Facet.SEEDS, !seeds.isEmpty());
            mark(notCaptured, Facet.CODE, code.hasCode());
            mark(notCaptured, Facet.CODE_STATE, code.hasState());
            mark(notCaptured, Facet.DATA, !data.isEmpty());
            mark(notCaptured, Facet.ENVIRONMENT, environmentFacts);
            mark(notCaptured, Facet.PACKAGES, !packages.isEmpty());
            mark(notCaptured, Facet.HARDWARE, hardware);
            mark(notCaptured, Facet.METRICS, !metricList.isEmpty() || !summary.isEmpty());
            SortedMap<String, Double> finals = new TreeMap<>(summary);
            for (MetricSeries m : metricList) {
                if (m.size() > 0) {
                    finals.putIfAbsent(m.key(), m.last());
                }
            }
            return new Run(format, source, nativeId, name, experiment, status, deleted, truncated, startTime,
                    endTime, user, paramList, seeds, code, data, environment, packages, metricList, finals, tags,
                    artifacts, artifactUri, notCaptured, problems);
        }

        private void mark(Set<Facet> notCaptured, Facet facet, boolean present) {
            if (!present && !captured.contains(facet)) {
                notCaptured.add(facet);
            }
        }
    }
}
