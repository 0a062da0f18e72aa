package org.reprodiff.ingest.wandb;

import java.util.Map;

/**
 * The machine-learning frameworks among the {@code Imports} flags of W&B's {@code TelemetryRecord}
 * ({@code wandb/proto/wandb_telemetry.proto}): field number → pip package name. Utility imports W&B also
 * tracks (asyncio, orjson, joblib, dask, workflow and LLM-client libraries) are left out: they are not
 * frameworks a result depends on. Interface facts, fixed by W&B's proto; unknown numbers are ignored.
 */
final class WandbTelemetry {
    private static final Map<Integer, String> FRAMEWORKS = Map.ofEntries(
            Map.entry(1, "torch"), Map.entry(2, "keras"), Map.entry(3, "tensorflow"), Map.entry(4, "fastai"),
            Map.entry(5, "scikit-learn"), Map.entry(6, "xgboost"), Map.entry(7, "catboost"),
            Map.entry(8, "lightgbm"), Map.entry(9, "pytorch-lightning"), Map.entry(10, "pytorch-ignite"),
            Map.entry(11, "transformers"), Map.entry(12, "jax"), Map.entry(14, "allennlp"),
            Map.entry(18, "catalyst"), Map.entry(21, "deepchem"), Map.entry(30, "ray"), Map.entry(33, "spacy"),
            Map.entry(37, "mmcv"), Map.entry(38, "mmdet"), Map.entry(40, "torchtext"),
            Map.entry(41, "torchvision"), Map.entry(43, "detectron2"), Map.entry(45, "flax"),
            Map.entry(48, "monai"), Map.entry(49, "huggingface-hub"), Map.entry(51, "datasets"),
            Map.entry(63, "timm"), Map.entry(64, "fairseq"), Map.entry(66, "composer"),
            Map.entry(70, "colossalai"), Map.entry(71, "accelerate"),
            Map.entry(74, "segmentation-models-pytorch"), Map.entry(75, "sentence-transformers"),
            Map.entry(76, "dgl"), Map.entry(77, "torch-geometric"), Map.entry(79, "kornia"),
            Map.entry(82, "mmengine"), Map.entry(83, "diffusers"), Map.entry(84, "trl"), Map.entry(98, "peft"),
            Map.entry(99, "optimum"), Map.entry(102, "keras-core"), Map.entry(103, "lightning-fabric"),
            Map.entry(106, "lightning"));

    private WandbTelemetry() {
    }

    /** The pip name of the framework behind an {@code Imports} field, or null when it is not a framework. */
    static String framework(int field) {
        return FRAMEWORKS.get(field);
    }
}
