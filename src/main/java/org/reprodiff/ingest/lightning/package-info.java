/**
 * PyTorch Lightning's logger folders (FORMATS.md 6): {@code <save_dir>/<name>/version_<N>/} holding
 * {@code hparams.yaml} and the CSV logger's {@code metrics.csv} and/or the TensorBoard logger's event files, read
 * as one run per version folder with both loggers merged.
 */
package org.reprodiff.ingest.lightning;
