package org.reprodiff.ingest.sacred;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.MetricSeries;
import org.reprodiff.model.Numbers;
import org.reprodiff.model.Run;

/**
 * Streams a run's {@code metrics.json} ({@code sacred/observers/file_storage.py} {@code log_metrics}):
 * {@code {"<name>": {"steps": [int…], "timestamps": [ISO UTC…], "values": [num…]}}}, one series per metric, the
 * three arrays zipped point by point. Values keep the bare {@code NaN}, {@code Infinity} and {@code -Infinity}
 * tokens (and the same words as strings); a {@code null} value skips its point. Missing {@code steps} number the
 * points from 0; a missing or unreadable timestamp is {@link MetricSeries#NO_TIME}. Arrays of different lengths
 * keep their common prefix (a problem says so). Never loads the file whole: points go straight into primitive
 * arrays. A file cut short keeps every point read before the cut (a number the file ends in may itself be cut,
 * {@code 1.5} of {@code 1.53}, and is dropped), and the run is marked truncated.
 */
final class SacredMetricsParser {
    private SacredMetricsParser() {
    }

    /** Adds the series to {@code run}; returns false when the file was cut short. */
    static boolean read(Path file, Run.Builder run, List<ImportProblem> problems) {
        String name = file.toString();
        Columns current = null;
        try (JsonParser p = LenientJson.mapper().getFactory().createParser(file.toFile())) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(new ImportProblem(name, "", "empty file: the metrics were not written"));
                return false;
            }
            if (first != JsonToken.START_OBJECT) {
                problems.add(new ImportProblem(name, "line 1", "not a JSON object of metrics"));
                return true;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    problems.add(new ImportProblem(name, "line " + p.currentLocation().getLineNr(),
                            "metric " + key + ": not an object of steps, timestamps and values"));
                    p.skipChildren();
                    continue;
                }
                current = new Columns(key);
                readMetric(p, current, name, problems);
                current.addTo(run, name, problems);
                current = null;
            }
        } catch (JsonProcessingException e) {
            boolean cut = e instanceof JsonEOFException;
            problems.add(new ImportProblem(name, SacredJson.where(e), (cut ? "cut short: " : "not JSON: ") + e.getOriginalMessage()));
            if (current != null && cut && endsInNumber(file)) {
                current.dropLast();
            }
            if (current != null) {
                current.addTo(run, name, problems);
            }
            return !cut;
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(name, "", "cannot read: " + SacredJson.describe(e)));
        }
        return true;
    }

    /** Whether the file ends inside what may be a number token, so the last number read may be cut short. */
    private static boolean endsInNumber(Path file) {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.position(size - 1).read(last);
            char c = (char) last.get(0);
            return Character.isLetterOrDigit(c) || c == '.' || c == '+' || c == '-';
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static void readMetric(JsonParser p, Columns c, String file, List<ImportProblem> problems) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            switch (field) {
                case "steps" -> {
                    c.hasSteps = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        c.steps.add(step(p, c, file, problems));
                        c.last = Columns.STEP;
                    }
                }
                case "values" -> {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        value(p, c);
                        c.last = Columns.VALUE;
                    }
                }
                case "timestamps" -> {
                    c.hasTimes = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        boolean text = p.currentToken() == JsonToken.VALUE_STRING;
                        c.times.add(text ? SacredLayout.epochMillis(p.getText(), MetricSeries.NO_TIME) : MetricSeries.NO_TIME);
                        p.skipChildren();
                        c.last = Columns.NONE;
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private static long step(JsonParser p, Columns c, String file, List<ImportProblem> problems) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getValueAsLong();
        }
        p.skipChildren();
        if (!c.badStepReported) {
            c.badStepReported = true;
            problems.add(new ImportProblem(file, "line " + p.currentLocation().getLineNr(),
                    "metric " + c.key + ": a step that is not a number; its index is used"));
        }
        return c.steps.size;
    }

    private static void value(JsonParser p, Columns c) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            c.values.add(p.getDoubleValue());
        } else if (t == JsonToken.VALUE_STRING) {
            Double v = Numbers.parseStrict(p.getText().trim());
            c.addMissingUnless(v);
        } else if (t == JsonToken.START_OBJECT) {
            Object unwrapped = JsonPickleValues.unwrap(LenientJson.mapper().readValue(p, Object.class));
            c.addMissingUnless(unwrapped instanceof Number n ? n.doubleValue() : null);
        } else {
            p.skipChildren();
            c.addMissingUnless(null);
        }
    }

    /** The three arrays of one metric as they are read. */
    private static final class Columns {
        final String key;
        final LongColumn steps = new LongColumn();
        final LongColumn times = new LongColumn();
        final DoubleColumn values = new DoubleColumn();
        final BitSet missing = new BitSet();
        boolean hasSteps;
        boolean hasTimes;
        boolean badStepReported;
        static final int NONE = 0;
        static final int STEP = 1;
        static final int VALUE = 2;
        /** Which array the last number read went to (NONE after a timestamp), for {@link #dropLast}. */
        int last = NONE;

        Columns(String key) {
            this.key = key;
        }

        void addMissingUnless(Double v) {
            if (v == null) {
                missing.set(values.size);
            }
            values.add(v == null ? Double.NaN : v);
        }

        /** Forgets the last number read: the file ended inside it. */
        void dropLast() {
            if (last == VALUE && values.size > 0) {
                values.size--;
                missing.clear(values.size);
            } else if (last == STEP && steps.size > 0) {
                steps.size--;
            }
        }

        void addTo(Run.Builder run, String file, List<ImportProblem> problems) {
            int n = values.size;
            if (hasSteps) {
                n = Math.min(n, steps.size);
            }
            if (hasTimes) {
                n = Math.min(n, times.size);
            }
            if (n != values.size || hasSteps && n != steps.size || hasTimes && n != times.size) {
                problems.add(new ImportProblem(file, "", "metric " + key + ": steps (" + (hasSteps ? steps.size : "none")
                        + "), timestamps (" + (hasTimes ? times.size : "none") + ") and values (" + values.size
                        + ") differ in length; the first " + n + " points are kept"));
            }
            MetricSeries.Builder series = new MetricSeries.Builder(key);
            for (int i = 0; i < n; i++) {
                if (!missing.get(i)) {
                    series.add(hasSteps ? steps.data[i] : i, values.data[i], hasTimes ? times.data[i] : MetricSeries.NO_TIME);
                }
            }
            run.metric(series.build());
        }
    }

    private static final class LongColumn {
        long[] data = new long[64];
        int size;

        void add(long v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }

    private static final class DoubleColumn {
        double[] data = new double[64];
        int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }
}
