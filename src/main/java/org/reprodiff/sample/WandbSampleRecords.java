package org.reprodiff.sample;

import java.util.List;
import org.reprodiff.sample.WandbRecordEncoder.Item;
import org.reprodiff.sample.WandbRecordEncoder.Message;

/**
 * The run and environment records of the W&B sample pair ({@link WandbSampleGenerator}): the same config, seed,
 * commit and machine type for both runs. Field numbers are those of {@code wandb_internal.proto} (FORMATS.md
 * 2.3); values are what wandb-core records for a PyTorch training on one A100.
 */
final class WandbSampleRecords {
    static final String REMOTE = "https://github.com/demo/cifar10-resnet.git";
    static final String HOST = "gpu-node-07";

    private WandbSampleRecords() {
    }

    /** The RunRecord: id, project, config, name, host, start time, telemetry and git. */
    static Message run(String id, String name, long start, String commit) {
        Message config = WandbRecordEncoder.items(1, List.of(
                Item.flat("_wandb", "{}"),
                Item.flat("seed", "42"),
                Item.flat("lr", "0.001"),
                Item.flat("batch_size", "128"),
                Item.flat("epochs", "10"),
                Item.flat("optimizer", "{\"name\": \"sgd\", \"momentum\": 0.9, \"weight_decay\": 0.0005}"),
                Item.flat("model", "{\"arch\": \"resnet18\", \"pretrained\": false}"),
                Item.flat("dataset", "\"cifar10\""),
                Item.flat("num_workers", "4"),
                Item.flat("cudnn_benchmark", "true")));
        return new Message().string(1, id).string(3, "cifar10-resnet18").message(4, config).string(8, name)
                .string(13, HOST).message(17, WandbRecordEncoder.timestamp(start, 0))
                .message(19, WandbRecordEncoder.telemetry(List.of(1, 41), "3.11.7", "0.21.0"))
                .message(21, new Message().string(1, REMOTE).string(2, commit));
    }

    /** The EnvironmentRecord (Record field 26) of one writer process. */
    static Message environment(long start, String commit) {
        Message gpu = new Message().string(1, "NVIDIA A100-SXM4-40GB").int64(2, 42_949_672_960L).int32(3, 6912)
                .string(4, "Ampere");
        return new Message()
                .string(1, "Linux-5.15.0-91-generic-x86_64-with-glibc2.35")
                .string(2, "CPython 3.11.7")
                .message(3, WandbRecordEncoder.timestamp(start, 0))
                .string(5, "--config").string(5, "configs/resnet18.yaml")
                .string(6, "train.py")
                .string(7, "train.py")
                .message(9, new Message().string(1, REMOTE).string(2, commit))
                .string(12, HOST)
                .string(13, "demo")
                .string(14, "/home/demo/.venv/bin/python")
                .int32(16, 16)
                .int32(17, 32)
                .string(18, "NVIDIA A100-SXM4-40GB")
                .int32(19, 1)
                .message(21, new Message().int64(1, 270_582_939_648L))
                .message(22, new Message().int32(1, 16).int32(2, 32))
                .message(24, gpu)
                .string(25, "12.1");
    }
}
