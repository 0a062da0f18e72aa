package org.reprodiff.ingest.sacred;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprodiff.ingest.LenientJson;
import org.reprodiff.model.ImportProblem;

/**
 * Streams a run's {@code run.json} top-level field by field. Every field is kept as a JSON tree except
 * {@code result}, the main function's return value, which Sacred stores jsonpickled and which can be a large
 * payload: only a scalar result is kept; an object or array is skipped unread. A file cut short (a crash while
 * Sacred rewrote it) keeps the fields read before the cut and is marked truncated; a file that is not a JSON
 * object keeps nothing. Either way a problem names the file and line.
 */
final class SacredRunFile {
    /** What was read: the fields (in file order), a scalar result (else null) and whether the file ended early. */
    record Content(Map<String, JsonNode> fields, JsonNode result, boolean truncated) {
        JsonNode get(String field) {
            return fields.get(field);
        }

        /** A top-level scalar field as text, null when absent. */
        String text(String field) {
            return SacredJson.text(fields.get(field));
        }
    }

    static final String RESULT = "result";

    private SacredRunFile() {
    }

    static Content read(Path file, List<ImportProblem> problems) {
        String name = file.toString();
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        JsonNode result = null;
        ObjectMapper mapper = LenientJson.mapper();
        try {
            if (Files.size(file) == 0) {
                problems.add(new ImportProblem(name, "", "empty file: the run entry was not written"));
                return new Content(fields, null, true);
            }
            try (JsonParser p = mapper.getFactory().createParser(file.toFile())) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    problems.add(new ImportProblem(name, "line 1", "not a JSON object"));
                    return new Content(fields, null, false);
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals(RESULT) && (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)) {
                        p.skipChildren();
                    } else if (field.equals(RESULT)) {
                        result = mapper.readTree(p);
                    } else {
                        fields.put(field, mapper.readTree(p));
                    }
                }
            }
        } catch (JsonProcessingException e) {
            boolean cut = e instanceof JsonEOFException;
            problems.add(new ImportProblem(name, SacredJson.where(e),
                    (cut ? "cut short: " : "not JSON: ") + e.getOriginalMessage()));
            return new Content(fields, result, cut);
        } catch (IOException | RuntimeException e) {
            problems.add(new ImportProblem(name, "", "cannot read: " + SacredJson.describe(e)));
        }
        return new Content(fields, result, false);
    }
}
