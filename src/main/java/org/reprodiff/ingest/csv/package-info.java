/**
 * Single-file metric logs: Keras {@code CSVLogger} files and generic CSV/TSV/JSONL logs ({@code csv} format).
 *
 * <p>The generic convention, in short (the full rules are in {@link org.reprodiff.ingest.csv.MetricLogConvention}):
 * a file is a metric log when both its name and its first 16 KB say so.
 * <ul>
 *   <li>Keras: any {@code .csv}/{@code .tsv}/{@code .log}/{@code .txt} whose header starts with {@code epoch} and
 *       has a {@code loss}/{@code *loss} column, with numeric or {@code NA} cells.</li>
 *   <li>CSV/TSV: a {@code .csv}/{@code .tsv} whose name contains {@code metric}, {@code log}, {@code history},
 *       {@code train}, {@code progress}, {@code scalar}, {@code loss}, {@code eval}, {@code valid} or
 *       {@code result} (or that sits in {@code logs/}, {@code log/}, {@code metrics/}, but not directly in
 *       {@code data/}, {@code dataset/}, {@code datasets/}); its header has a {@code step}, {@code global_step},
 *       {@code _step}, {@code iteration}, {@code iter} or {@code epoch} column and its rows hold an integer step
 *       and numbers (or empty/{@code NA} cells; a {@code time}/{@code timestamp} column may hold anything).</li>
 *   <li>JSONL: a {@code .jsonl}/{@code .ndjson} whose first line is a JSON object with one of those step keys
 *       (an integer) and another numeric value.</li>
 *   <li>Other tools' files are never claimed: Lightning's {@code metrics.csv}, W&amp;B run folders, DVCLive's
 *       {@code plots/metrics/} and {@code scalars/} TSVs, ClearML's {@code metrics.jsonl}, {@code .neptune/}.</li>
 * </ul>
 * One file is one run; each numeric column (JSONL: numeric leaf, nested keys joined with {@code /}) is a series
 * whose steps come from the step column. Entry point: {@link org.reprodiff.ingest.csv.CsvLogImporter}.
 */
package org.reprodiff.ingest.csv;
