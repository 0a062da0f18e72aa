/**
 * Sacred {@code FileStorageObserver} runs ({@code sacred} format): an observer's base folder of numbered run
 * folders, or one run folder, each run folder ({@code run.json}, {@code config.json}, {@code metrics.json},
 * {@code info.json}, {@code cout.txt}) one run. Entry point: {@link org.reprodiff.ingest.sacred.SacredImporter}.
 */
package org.reprodiff.ingest.sacred;
