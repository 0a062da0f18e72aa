package org.reprodiff.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON reader for untrusted files: accepts {@code NaN}, {@code Infinity} and {@code -Infinity}, limits
 * nesting depth and string length.
 */
public final class LenientJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(500)
                            .maxStringLength(64 * 1024 * 1024)
                            .build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .build();

    private LenientJson() {
    }

    /** A shared, thread-safe mapper configured for untrusted input. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
