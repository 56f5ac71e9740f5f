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

"""Trains the two independent ONNX models of the command-line demo, with PyTorch.

Run from the repository root with a Python that has torch and onnx (Debian: python3-torch,
python3-onnx):

    /usr/bin/python3 examples/models/make_onnx_models.py

Both are MLPs trained on the "attacker" slice of the shipped Fashion-MNIST test set (images
4000-7999; the DL4J victim was trained on 0-3999 and queries come from 8000-9999), so they solve
the victim's task without ever seeing the victim. Input "image" [N, 1, 28, 28], pixels in [0, 1];
output logits [N, 10].
"""
import gzip
import os

import numpy as np
import torch
from torch import nn

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
DATA = os.path.join(ROOT, "data", "fashion-mnist")
OUT = os.path.dirname(os.path.abspath(__file__))


def idx(name, offset):
    with gzip.open(os.path.join(DATA, name), "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def train(hidden, seed, images, labels):
    torch.manual_seed(seed)
    net = nn.Sequential(nn.Flatten(), nn.Linear(784, hidden), nn.ReLU(), nn.Linear(hidden, 10))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for _ in range(15):
        order = torch.randperm(len(images))
        for i in range(0, len(images), 64):
            b = order[i:i + 64]
            opt.zero_grad()
            nn.functional.cross_entropy(net(images[b]), labels[b]).backward()
            opt.step()
    return net.eval()


def main():
    x = torch.tensor(idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28) / 255.0, dtype=torch.float32)
    y = torch.tensor(idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64))
    attacker_x, attacker_y = x[4000:8000], y[4000:8000]
    held_x, held_y = x[8000:], y[8000:]
    for name, hidden, seed in (("independent-a.onnx", 24, 21), ("independent-b.onnx", 20, 22)):
        net = train(hidden, seed, attacker_x, attacker_y)
        with torch.no_grad():
            accuracy = (net(held_x).argmax(1) == held_y).float().mean().item()
        torch.onnx.export(net, x[:1], os.path.join(OUT, name), input_names=["image"], output_names=["logits"],
                          dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13)
        print(f"{name}: mlp 784-{hidden}-10, held-out accuracy {accuracy:.3f}")


if __name__ == "__main__":
    main()
