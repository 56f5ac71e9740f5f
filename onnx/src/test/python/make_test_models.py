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

"""Makes the small ONNX files the modelprint-onnx tests load, and the outputs PyTorch gives for them.

Run from the repository root with a Python that has torch and onnx (Debian: python3-torch,
python3-onnx):

    /usr/bin/python3 onnx/src/test/python/make_test_models.py

Writes into onnx/src/test/resources/io/modelprint/onnx/:
  cnn-logits-nchw.onnx   input "image" [N, 1, 28, 28] (any N), pixels in [0, 1] as given; output logits [N, 10]
  mlp-probs-nhwc.onnx    input "pixels" [1, 6, 6, 3] (batch fixed at 1), NHWC, expects (255 * x - mean) / std
                         per channel with mean (120, 110, 100), std (60, 50, 40); output softmax [1, 5]
  expected.json          for each model: the test images (NCHW, values k / 255) and PyTorch's outputs
The weights are random (seeded): the tests check the adapter, not the accuracy.
"""
import json
import os

import torch
from torch import nn

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "io", "modelprint", "onnx")
MEAN = [120.0, 110.0, 100.0]
STD = [60.0, 50.0, 40.0]


class TinyCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.fc = nn.Linear(4 * 13 * 13, 10)

    def forward(self, x):
        x = torch.max_pool2d(torch.relu(self.conv(x)), 2)
        return self.fc(torch.flatten(x, 1))


class NhwcMlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(6 * 6 * 3, 16)
        self.out = nn.Linear(16, 5)

    def forward(self, x):  # x: [N, H, W, C], already normalised
        return torch.softmax(self.out(torch.tanh(self.hidden(torch.flatten(x, 1)))), dim=1)


def eight_bit_images(n, c, h, w, gen):
    return torch.randint(0, 256, (n, c, h, w), generator=gen).float() / 255.0


def main():
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(1)
    os.makedirs(OUT, exist_ok=True)
    expected = {}

    cnn = TinyCnn().eval()
    x = eight_bit_images(5, 1, 28, 28, gen)
    torch.onnx.export(cnn, x[:1], os.path.join(OUT, "cnn-logits-nchw.onnx"), input_names=["image"],
                      output_names=["logits"], dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}},
                      opset_version=13)
    with torch.no_grad():
        y = cnn(x)
    expected["cnn-logits-nchw.onnx"] = {"shape": [1, 28, 28], "images": x.reshape(5, -1).tolist(),
                                        "outputs": y.tolist()}

    mlp = NhwcMlp().eval()
    x = eight_bit_images(4, 3, 6, 6, gen)                       # NCHW, in [0, 1]
    mean = torch.tensor(MEAN).view(1, 3, 1, 1)
    std = torch.tensor(STD).view(1, 3, 1, 1)
    normalised = ((x * 255.0 - mean) / std).permute(0, 2, 3, 1)  # NHWC, as the model takes it
    torch.onnx.export(mlp, normalised[:1], os.path.join(OUT, "mlp-probs-nhwc.onnx"), input_names=["pixels"],
                      output_names=["probs"], opset_version=13)
    with torch.no_grad():
        y = mlp(normalised)
    expected["mlp-probs-nhwc.onnx"] = {"shape": [3, 6, 6], "images": x.reshape(4, -1).tolist(),
                                       "outputs": y.tolist(), "mean": MEAN, "std": STD, "scale": 255.0}

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
