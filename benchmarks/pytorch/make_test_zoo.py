#
# Copyright 2026 The modelprint authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     https://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#

"""Makes the tiny PyTorch zoo the benchmark's tests read (benchmarks/src/test/resources/pytorch-zoo):
three softmax-regression models in zoo.py's own format (ONNX files, the record beside each with its
labels on the 10,000 test images, and manifest.json written by zoo.py's manifest()), so that the
manifest reader and the ONNX check are tested without the real zoo.

Run from the repository root with Debian's Python (python3-torch, python3-onnx):

    /usr/bin/python3 benchmarks/pytorch/make_test_zoo.py

It trains in seconds on slices of the Fashion-MNIST test set that ships in data/ (a fixture, not a
benchmark): the victim on images 0-1999, a copy of it fine-tuned on 2000-2999 that answers
probabilities, and an independent model on 3000-4999.
"""
import gzip
import json
import os
import shutil
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import models  # noqa: E402
import zoo  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(ROOT, "data", "fashion-mnist")
OUT = os.path.join(ROOT, "benchmarks", "src", "test", "resources", "pytorch-zoo")


def load():
    with gzip.open(os.path.join(DATA, "t10k-images-idx3-ubyte.gz"), "rb") as f:
        x = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 1, 28, 28)
    with gzip.open(os.path.join(DATA, "t10k-labels-idx1-ubyte.gz"), "rb") as f:
        y = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    return torch.tensor(x, dtype=torch.float32) / 255.0, torch.tensor(y.astype(np.int64))


def record(net, name, job, x, y, probabilities, queries=0):
    zoo.export(net, OUT, name, probabilities=probabilities)
    labels = zoo.predict(net, x).argmax(1)
    meta = dict(name=name, split=job["split"], victim=job["victim"], kind=job["kind"], architecture=net.arch,
                seed=zoo.seed_of(name), recipe=job["params"], queries=queries, train_seconds=0.0,
                accuracy=round((labels == y).float().mean().item(), 4), test_predictions=labels.tolist(),
                task="clean", output="probabilities" if probabilities else "logits")
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(meta, f)


def main():
    torch.set_num_threads(1)
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    x, y = load()
    jobs = [dict(name="dev/v-tiny/victim", kind="victim", split="dev", victim="v-tiny", deps=[],
                 params=dict(arch="softmax-regression", images=2000, epochs=2)),
            dict(name="dev/v-tiny/finetune-all-adam", kind="finetune", split="dev", victim="v-tiny",
                 deps=["dev/v-tiny/victim"], params=dict(images=1000, epochs=1, optimizer="adam", lr=1e-3, layers="all")),
            dict(name="dev/negatives/independent-softmax-regression", kind="independent", split="dev", victim=None,
                 deps=[], params=dict(arch="softmax-regression", images=2000, epochs=2))]
    torch.manual_seed(1)
    victim = models.build("softmax-regression")
    zoo.train(victim, x[:2000], y[:2000], epochs=2, seed=1)
    record(victim, jobs[0]["name"], jobs[0], x, y, probabilities=False)
    import copy
    copy_ = copy.deepcopy(victim)
    zoo.train(copy_, x[2000:3000], y[2000:3000], epochs=1, seed=2)
    record(copy_, jobs[1]["name"], jobs[1], x, y, probabilities=True)
    torch.manual_seed(3)
    independent = models.build("softmax-regression")
    zoo.train(independent, x[3000:5000], y[3000:5000], epochs=2, seed=3)
    record(independent, jobs[2]["name"], jobs[2], x, y, probabilities=False)
    splits = {"dev": dict(victims=[("v-tiny", "softmax-regression")])}
    zoo.manifest(OUT, jobs, splits, "test")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
