/**
 * Hydra output folders ({@code hydra} format): a folder holding {@code .hydra/config.yaml} is one run, whether a
 * single run ({@code outputs/<date>/<time>/}) or one job of a sweep ({@code multirun/<date>/<time>/<n>/}).
 * Parameters come from {@code config.yaml} only, interpolations unresolved; the task overrides are the run's
 * arguments; folder names give the native id and the start time (local time of the machine that ran the job).
 * Entry point: {@link org.reprodiff.ingest.hydra.HydraImporter}.
 */
package org.reprodiff.ingest.hydra;
