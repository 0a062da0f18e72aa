package org.reprodiff.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reprodiff.model.ImportProblem;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The one YAML reader for untrusted files: plain data only. Unknown tags such as
 * {@code !!python/object:argparse.Namespace} are read as the plain map, list or string they tag; nothing is
 * ever constructed. Aliases, nesting depth and document size are limited.
 */
public final class SafeYaml {
    private static final int MAX_ALIASES = 50;
    private static final int MAX_DEPTH = 200;
    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;
    private static final long MAX_EXPANDED = 1_000_000;
    /** A Yaml instance is not thread-safe but can be reused; building one costs more than parsing a meta.yaml. */
    private static final ThreadLocal<Yaml> PER_THREAD = ThreadLocal.withInitial(SafeYaml::newYaml);
    /**
     * SnakeYAML warns on stderr (java.util.logging, under the constructor's class name) for every duplicate key,
     * which users' files have and which is read as YAML does (the last one wins); kept strongly reachable, as
     * JUL holds loggers weakly.
     */
    private static final java.util.logging.Logger SNAKEYAML_LOG = quiet();

    private SafeYaml() {
    }

    /**
     * Parses a YAML document into maps, lists, strings, numbers, booleans and nulls. A document whose aliases make
     * it refer to itself, or expand to more than {@value #MAX_EXPANDED} values when walked, is refused with a
     * {@link YAMLException}: whoever walks the result (a config flattener) can then never loop or blow up.
     */
    public static Object parse(Reader reader) {
        return bounded(PER_THREAD.get().load(reader));
    }

    public static Object parse(String text) {
        return bounded(PER_THREAD.get().load(text));
    }

    private static Object bounded(Object document) {
        long size = expandedSize(document, new IdentityHashMap<>(), Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        if (size > MAX_EXPANDED) {
            throw new YAMLException("its aliases expand it to more than " + MAX_EXPANDED + " values");
        }
        return document;
    }

    /** Values reached when walking {@code node} with aliases expanded (memoised per node; stops past the bound). */
    private static long expandedSize(Object node, Map<Object, Long> sizes, Set<Object> path, int depth) {
        if (!(node instanceof Map<?, ?>) && !(node instanceof List<?>)) {
            return 1;
        }
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        if (!path.add(node)) {
            throw new YAMLException("an alias makes the document contain itself");
        }
        if (depth > MAX_DEPTH) {
            throw new YAMLException("aliases nest the document more than " + MAX_DEPTH + " levels deep");
        }
        long size = 1;
        Iterable<?> children = node instanceof Map<?, ?> m ? m.values() : (List<?>) node;
        for (Object child : children) {
            size += expandedSize(child, sizes, path, depth + 1);
            if (size > MAX_EXPANDED) {
                break;
            }
        }
        path.remove(node);
        sizes.put(node, size);
        return size;
    }

    /**
     * Reads a file; throws {@link YamlException} with a message naming the line when it is not YAML.
     */
    public static Object read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (YAMLException e) {
            throw new YamlException(e.getMessage().replace('\n', ' ').trim(), e);
        }
    }

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(TolerantConstructor.class.getName());
        log.setLevel(java.util.logging.Level.SEVERE);
        return log;
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(true);
        // Every tag may appear: unknown ones are read as plain data by PlainData, so nothing is ever constructed.
        options.setTagInspector(tag -> true);
        return new Yaml(new TolerantConstructor(options));
    }

    /** A YAML document that could not be parsed. */
    public static final class YamlException extends IOException {
        public YamlException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class TolerantConstructor extends SafeConstructor {
        TolerantConstructor(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(null, new PlainData());
        }

        /** Builds an unknown-tagged node as the plain structure it would be without the tag. */
        private final class PlainData extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                if (node instanceof MappingNode m) {
                    m.setTag(Tag.MAP);
                } else if (node instanceof SequenceNode s) {
                    s.setTag(Tag.SEQ);
                } else if (node instanceof ScalarNode sc) {
                    sc.setTag(Tag.STR);
                }
                return TolerantConstructor.this.yamlConstructors.get(node.getTag()).construct(node);
            }
        }
    }
    /** A YAML error as a problem; {@code where} is {@code line N} when SnakeYAML tells the line. */
    public static ImportProblem problem(String file, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
                String what = m.getProblem() != null ? m.getProblem() : m.getContext();
                String context = m.getContext() != null && m.getProblem() != null ? " (" + m.getContext() + ")" : "";
                String where = mark == null ? "" : "line " + (mark.getLine() + 1);
                return new ImportProblem(file, where, "not valid YAML: " + what + context);
            }
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return new ImportProblem(file, "", "not valid YAML: " + message.replace('\n', ' ').trim());
    }
}
