/**
 * Guild AI run folders ({@code guild} format, FORMATS.md 8): a folder whose {@code .guild/} holds an
 * {@code attrs/} folder or an {@code opref} file is one run ({@code ~/.guild/runs/<id>/}, or any folder of such
 * runs). Attributes are small YAML documents; the run's scalars are the TensorBoard event files in the run folder
 * and its {@code .guild/}, read through {@link org.reprodiff.ingest.tensorboard.TensorboardImporter}. Entry
 * point: {@link org.reprodiff.ingest.guild.GuildImporter}.
 */
package org.reprodiff.ingest.guild;
