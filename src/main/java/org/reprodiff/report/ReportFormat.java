package org.reprodiff.report;

import java.util.Locale;

/** The formats a comparison renders to; PDF is the only binary one. */
public enum ReportFormat {
    TEXT, MARKDOWN, JSON, HTML, PDF;

    public static ReportFormat parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "text", "txt" -> TEXT;
            case "markdown", "md" -> MARKDOWN;
            case "json" -> JSON;
            case "html", "htm" -> HTML;
            case "pdf" -> PDF;
            default -> throw new IllegalArgumentException("unknown format '" + name + "' (text, markdown, json, html or pdf)");
        };
    }

    /** The format a file name's extension names ({@code report.pdf} → PDF), or null when it names none. */
    public static ReportFormat fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return null;
        }
        try {
            return parse(fileName.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean binary() {
        return this == PDF;
    }
}
