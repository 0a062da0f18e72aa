from sacred import Experiment
from sacred.observers import FileStorageObserver

ex = Experiment("cifar10-sacred")
ex.observers.append(FileStorageObserver("sample-runs/sacred"))


@ex.config
def config():
    lr = 0.001
    batch_size = 128


@ex.automain
def train(lr, batch_size, _run):
    ...
