package org.reprodiff.report;

import java.util.Locale;

/** The text formats a comparison renders to. */
public enum ReportFormat {
    TEXT, MARKDOWN, JSON;

    public static ReportFormat parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "text", "txt" -> TEXT;
            case "markdown", "md" -> MARKDOWN;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("unknown format '" + name + "' (text, markdown or json)");
        };
    }
}
