import json
import yaml
from dvclive import Live

from model import build_model, load_digits

params = yaml.safe_load(open("params.yaml"))
x_train, y_train, x_eval, y_eval = load_digits("data/train.csv", seed=params["seed"])
model = build_model(params["model"]["conv_units"], params["model"]["dropout"], params["train"]["lr"])

with Live(save_dvc_exp=True) as live:
    for epoch in range(params["train"]["epochs"]):
        history = model.fit(x_train, y_train, batch_size=params["train"]["batch_size"], epochs=1,
                            validation_data=(x_eval, y_eval))
        for split, prefix in (("train", ""), ("eval", "val_")):
            live.log_metric(f"{split}/loss", history.history[prefix + "loss"][0], timestamp=True)
            live.log_metric(f"{split}/acc", history.history[prefix + "accuracy"][0], timestamp=True)
        live.next_step()
model.save_weights("models/weights.txt")
