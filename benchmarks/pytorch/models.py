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

"""Architectures of the PyTorch zoo.

Every network takes images of shape [N, 1, 28, 28] with pixels in [0, 1] and normalises them
itself (Fashion-MNIST's mean and standard deviation are part of the graph), so an ONNX export
needs no declared preprocessing. A network is `features` followed by a linear `head`, so that
fine-tuning the last layer and transfer learning can treat the two apart.
"""
import torch
from torch import nn

MEAN, STD = 0.2860, 0.3530


class Normalize(nn.Module):
    def forward(self, x):
        return (x - MEAN) / STD


class Net(nn.Module):
    """features(normalise(x)) -> head: logits."""

    def __init__(self, arch, features, head):
        super().__init__()
        self.arch = arch
        self.norm = Normalize()
        self.features = features
        self.head = head

    def forward(self, x):
        return self.head(self.features(self.norm(x)))


class Residual(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(channels, channels, 3, padding=1, bias=False), nn.BatchNorm2d(channels), nn.ReLU(),
            nn.Conv2d(channels, channels, 3, padding=1, bias=False), nn.BatchNorm2d(channels))

    def forward(self, x):
        return torch.relu(x + self.body(x))


def _mlp(widths):
    layers = [nn.Flatten()]
    previous = 784
    for w in widths:
        layers += [nn.Linear(previous, w), nn.ReLU()]
        previous = w
    return nn.Sequential(*layers), previous


def build(arch, classes=10):
    """A freshly initialised network of architecture `arch` (PyTorch's default initialisation)."""
    if arch == "mlp-256-128":
        f, d = _mlp([256, 128])
    elif arch == "mlp-512-256":
        f, d = _mlp([512, 256])
    elif arch == "mlp-1024":
        f, d = _mlp([1024])
    elif arch == "cnn-16-32":
        f = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(32 * 49, 64), nn.ReLU())
        d = 64
    elif arch == "lenet5":
        f = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(16 * 25, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU())
        d = 84
    elif arch == "cnn-k5":
        f = nn.Sequential(nn.Conv2d(1, 20, 5), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(20, 40, 5), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(40 * 16, 100), nn.ReLU())
        d = 100
    elif arch == "cnn-bn":
        f = nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(64 * 49, 128), nn.ReLU())
        d = 128
    elif arch == "resnet-8":
        f = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(),
                          nn.MaxPool2d(2), Residual(16),
                          nn.Conv2d(16, 32, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(),
                          Residual(32), nn.AdaptiveAvgPool2d(1), nn.Flatten())
        d = 32
    elif arch == "softmax-regression":
        f, d = nn.Flatten(), 784
    else:
        raise ValueError(f"unknown architecture {arch!r}")
    return Net(arch, f, nn.Linear(d, classes))


def _fold(conv, bn):
    """One convolution equal to conv followed by bn (in eval mode)."""
    scale = bn.weight.detach() / torch.sqrt(bn.running_var + bn.eps)
    out = nn.Conv2d(conv.in_channels, conv.out_channels, conv.kernel_size, conv.stride, conv.padding,
                    conv.dilation, conv.groups, bias=True)
    with torch.no_grad():
        out.weight.copy_(conv.weight.detach() * scale.reshape(-1, 1, 1, 1))
        bias = conv.bias.detach() if conv.bias is not None else torch.zeros_like(bn.running_mean)
        out.bias.copy_((bias - bn.running_mean) * scale + bn.bias.detach())
    return out


def fold_batch_norm(net):
    """A copy of `net` (in eval mode) with every Conv2d+BatchNorm2d pair of its top-level feature
    stack folded into one convolution, as deployment exporters do."""
    import copy
    net = copy.deepcopy(net).eval()
    if not isinstance(net.features, nn.Sequential):
        return net
    layers = list(net.features.children())
    out, i = [], 0
    while i < len(layers):
        if i + 1 < len(layers) and isinstance(layers[i], nn.Conv2d) and isinstance(layers[i + 1], nn.BatchNorm2d):
            out.append(_fold(layers[i], layers[i + 1]))
            i += 2
        else:
            out.append(layers[i])
            i += 1
    net.features = nn.Sequential(*out).eval()
    return net


class WithSoftmax(nn.Module):
    """Exports probabilities instead of logits."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return torch.softmax(self.net(x), dim=1)
