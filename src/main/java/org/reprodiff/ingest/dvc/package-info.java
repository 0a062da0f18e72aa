/**
 * DVC and DVCLive (FORMATS.md 4): three sources, two formats.
 * <ul>
 *   <li>{@code dvc}: a DVC project folder ({@code dvc.yaml} and/or {@code dvc.lock}) is one run, its workspace:
 *       parameters from {@code params.yaml} and the other params files {@code dvc.yaml} names (other files' keys
 *       written {@code file:key}); data references and code digests from {@code dvc.lock} dependencies and
 *       {@code .dvc} files; outputs as artifacts; final values from the metrics files; series from the project's
 *       DVCLive folders. A {@code dvc exp show --json} export (either shape) is one run per experiment.</li>
 *   <li>{@code dvclive}: a DVCLive folder outside any DVC project (any generation: {@code plots/metrics/**.tsv},
 *       {@code scalars/}, or the first releases' {@code <name>.tsv} with {@code <folder>.json}).</li>
 * </ul>
 * Both importers own their subtrees, so DVCLive's {@code .tsv} files are never read as CSV logs and a project's
 * data folders are not walked. Entry points: {@link org.reprodiff.ingest.dvc.DvcImporter},
 * {@link org.reprodiff.ingest.dvc.DvcLiveImporter}.
 */
package org.reprodiff.ingest.dvc;
