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

"""Builds the PyTorch zoo of the detection benchmark: victims, stolen copies and hard negatives,
trained on the CPU and exported to ONNX, so that the Java benchmark scores them exactly as a user
scores a model file: through OnnxModel.

Run from the repository root with Debian's Python (python3-torch, python3-onnx):

    /usr/bin/python3 benchmarks/pytorch/zoo.py full --jobs 2      # about 2 hours on 2 cores, cached
    /usr/bin/python3 benchmarks/pytorch/zoo.py smoke              # a few minutes: checks the pipeline

Data (Debian's dataset-fashion-mnist, /usr/share/datasets/fashion-mnist, or --data DIR): the
training set's first 30,000 images belong to the owner (victims and their twins train on the
first 25,000; the last 5,000 are the owner's held-back "public" data for Dataset Inference), the
other 30,000 to attackers and independent models; the test set gives accuracy and fidelity, and
the Java benchmark draws its queries from it, as a user's ownerData(testImages) does.

The zoo has two splits with disjoint victims, seeds and negatives: "dev", where every choice of
the library is made, and "test", scored once per change. Each victim has seventeen stolen copies
in seven families, with the recipe varied inside each family (learning rates, re-initialised or
kept heads, 30 to 70% pruning, frozen or trainable transferred features, distillation
temperatures 4 to 20, 20,000 or 30,000 stolen queries, adversarial fine-tuning of label
students). Negatives: for every student recipe an independent model with the same architecture,
attacker data, epochs, optimiser and seed that learned the true labels instead of the victim's
("matched"); independent models of other architectures; twins of every victim (its architecture,
data and recipe, other seeds); independent models of the transfer task (corrupted images).

Every model is cached as <out>/<name>.onnx with <name>.json beside it (recipe, seed, queries
spent, accuracy, fidelity to each victim of its split, training time); a second run trains only
what is missing. manifest.json lists them all for the Java benchmark.
"""
import argparse
import copy
import gzip
import json
import math
import os
import sys
import time
import zlib
from concurrent.futures import ProcessPoolExecutor, FIRST_COMPLETED, wait

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import models  # noqa: E402
import attacks  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEFAULT_DATA = "/usr/share/datasets/fashion-mnist"
FORMAT_VERSION = 1


# ---------------------------------------------------------------------------------------------
# data

def _idx(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


class Data:
    """Fashion-MNIST split into owner (private, public), attacker and test parts."""

    def __init__(self, directory, train_size=60000):
        def images(name):
            a = _idx(os.path.join(directory, name), 16).reshape(-1, 1, 28, 28)
            return torch.tensor(a, dtype=torch.float32) / 255.0

        def labels(name):
            return torch.tensor(_idx(os.path.join(directory, name), 8).astype(np.int64))

        for name in ("train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz"):
            if not os.path.exists(os.path.join(directory, name)):
                raise SystemExit(f"error: {os.path.join(directory, name)} is missing: install Debian's "
                                 f"dataset-fashion-mnist (apt-get install dataset-fashion-mnist) or pass --data DIR")
        x, y = images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz")
        self.test_x, self.test_y = images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz")
        half = train_size // 2
        private = half * 5 // 6
        self.private_x, self.private_y = x[:private], y[:private]
        self.public_x, self.public_y = x[private:half], y[private:half]
        self.attacker_x, self.attacker_y = x[half:train_size], y[half:train_size]
        self.split = {"owner_private": [0, private], "owner_public": [private, half],
                      "attacker": [half, train_size], "test": [0, len(self.test_x)]}
        self.test_corrupted_x = corrupt(self.test_x, 7)


def corrupt(x, seed):
    """The transfer task's images: each one gets Gaussian noise (sd 0.2), a 3x3 box blur or its
    contrast halved, chosen per image by `seed` (the DL4J zoo's Corruption, in PyTorch)."""
    g = torch.Generator().manual_seed(seed)
    kind = torch.randint(0, 3, (len(x),), generator=g)
    out = x.clone()
    noise = (x + 0.2 * torch.randn(x.shape, generator=g)).clamp(0, 1)
    blur = F.avg_pool2d(F.pad(x, (1, 1, 1, 1), mode="constant", value=0), 3, stride=1)
    counts = F.avg_pool2d(F.pad(torch.ones_like(x), (1, 1, 1, 1), mode="constant", value=0), 3, stride=1)
    blur = blur / counts
    mean = x.mean(dim=(1, 2, 3), keepdim=True)
    contrast = (mean + 0.5 * (x - mean)).clamp(0, 1)
    out[kind == 0] = noise[kind == 0]
    out[kind == 1] = blur[kind == 1]
    out[kind == 2] = contrast[kind == 2]
    return out


# ---------------------------------------------------------------------------------------------
# training

def seed_of(name):
    return zlib.crc32(name.encode()) % 100_000


def pgd(net, x, y, eps, alpha, steps, generator):
    """L-infinity PGD with a random start against `net`'s cross-entropy on labels `y`."""
    was_training = net.training
    net.eval()
    delta = (torch.rand(x.shape, generator=generator) * 2 - 1) * eps
    adv = (x + delta).clamp(0, 1)
    for _ in range(steps):
        adv.requires_grad_(True)
        loss = F.cross_entropy(net(adv), y)
        grad, = torch.autograd.grad(loss, adv)
        adv = adv.detach() + alpha * grad.sign()
        adv = torch.min(torch.max(adv, x - eps), x + eps).clamp(0, 1)
    net.train(was_training)
    return adv.detach()


def train(net, x, target, *, epochs, seed, optimizer="adam", lr=1e-3, weight_decay=0.0, batch=128,
          temperature=None, parameters=None, masks=None, adversarial=None, freeze_bn=False):
    """Trains `net` in place. `target` is a label vector (cross-entropy) or, with `temperature`,
    a matrix of probabilities to distil (KL divergence at that temperature, times T^2).
    `masks` keeps pruned weights at zero; `adversarial` = (eps, alpha, steps) trains on PGD
    examples of every batch; a cosine schedule decays the learning rate to 0."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    params = list(parameters) if parameters is not None else list(net.parameters())
    if optimizer == "adam":
        opt = torch.optim.Adam(params, lr=lr, weight_decay=weight_decay)
    else:
        opt = torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=weight_decay, nesterov=True)
    n = len(x)
    steps = epochs * math.ceil(n / batch)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.5 * (1 + math.cos(math.pi * s / steps)))
    soft = None
    if temperature is not None:
        soft = torch.softmax(torch.log(target.clamp_min(1e-12)) / temperature, dim=1)
    for _ in range(epochs):
        net.train()
        if freeze_bn:
            for m in net.modules():
                if isinstance(m, nn.BatchNorm2d):
                    m.eval()
        order = torch.randperm(n, generator=g)
        for i in range(0, n, batch):
            b = order[i:i + batch]
            xb = x[b]
            if adversarial is not None:
                labels = target[b] if soft is None else target[b].argmax(1)
                xb = pgd(net, xb, labels, *adversarial, generator=g)
                if freeze_bn:
                    for m in net.modules():
                        if isinstance(m, nn.BatchNorm2d):
                            m.eval()
            out = net(xb)
            if soft is None:
                loss = F.cross_entropy(out, target[b])
            else:
                loss = F.kl_div(F.log_softmax(out / temperature, dim=1), soft[b], reduction="batchmean") \
                    * temperature ** 2
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            if masks is not None:
                with torch.no_grad():
                    for p, m in masks:
                        p.mul_(m)
    return net.eval()


@torch.no_grad()
def predict(net, x, batch=1000):
    net.eval()
    return torch.cat([net(x[i:i + batch]) for i in range(0, len(x), batch)])


def prune(net, rate):
    """Zeroes the `rate` share of smallest-magnitude weights of every conv and linear layer
    (exactly floor(rate * n) per layer) and returns the masks that keep them zero."""
    masks = []
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                w = m.weight
                k = int(math.floor(rate * w.numel()))
                mask = torch.ones_like(w)
                if k > 0:
                    idx = torch.argsort(w.abs().flatten(), stable=True)[:k]
                    mask.view(-1)[idx] = 0
                w.mul_(mask)
                masks.append((w, mask))
    return masks


# ---------------------------------------------------------------------------------------------
# the zoo: what each split holds

VICTIM_RECIPES = {
    "cnn-bn": dict(optimizer="sgd", lr=0.05, weight_decay=5e-4, epochs=10),
    "resnet-8": dict(optimizer="sgd", lr=0.05, weight_decay=5e-4, epochs=10),
    "mlp-512-256": dict(optimizer="adam", lr=1e-3, weight_decay=0.0, epochs=15),
    "lenet5": dict(optimizer="adam", lr=2e-3, weight_decay=0.0, epochs=15),
    "mlp-256-128": dict(optimizer="adam", lr=1e-3, weight_decay=0.0, epochs=6),
    "softmax-regression": dict(optimizer="adam", lr=1e-3, weight_decay=0.0, epochs=10),
}
STUDENT_EPOCHS = 6
ADV = (0.1, 0.025, 5)  # PGD eps, step, steps (pixels in [0, 1])


def spec(size):
    """Jobs of the zoo, in dependency order: dicts with name, kind, split, victim, deps, params."""
    if size == "smoke":
        splits = {"dev": dict(victims=[("v-mlp", "mlp-256-128")], students=["mlp-256-128", "cnn-16-32"],
                              others=["lenet5"], seed=100)}
        scale = dict(ft=2000, q_small=3000, q_large=4000, adv=2000, corrupted=4000, victim_data=5000, epochs=3)
    else:
        splits = {
            "dev": dict(victims=[("v-bn", "cnn-bn"), ("v-mlp", "mlp-512-256")],
                        students=["mlp-256-128", "cnn-16-32", "lenet5"], others=["cnn-bn", "resnet-8", "mlp-1024"],
                        seed=100),
            "test": dict(victims=[("v-res", "resnet-8"), ("v-lenet", "lenet5")],
                         students=["mlp-256-128", "cnn-16-32", "cnn-k5"], others=["cnn-bn", "lenet5", "mlp-512-256"],
                         seed=200),
        }
        scale = dict(ft=10000, q_small=20000, q_large=30000, adv=10000, corrupted=30000, victim_data=None,
                     epochs=STUDENT_EPOCHS)
    jobs = []

    def job(name, kind, split, victim, deps=(), **params):
        jobs.append(dict(name=name, kind=kind, split=split, victim=victim, deps=list(deps), params=params))

    for split, s in splits.items():
        a, b, c = (s["students"] + s["students"])[:3]
        neg = f"{split}/negatives"
        e = scale["epochs"]
        q_s, q_l = scale["q_small"], scale["q_large"]
        # negatives shared by the split's victims
        matched = [(a, q_s), (a, q_l), (b, q_s), (b, q_l), (c, q_l)]
        for arch, q in dict.fromkeys(matched):
            job(f"{neg}/matched-{arch}-q{q}", "independent", split, None, arch=arch, images=q, epochs=e,
                match=f"{arch}/q{q}/e{e}")
        for arch, q in [(a, q_l), (b, q_s)]:
            job(f"{neg}/matched-adv-{arch}-q{q}", "adversarial", split, None, deps=[f"{neg}/matched-{arch}-q{q}"],
                base=f"{neg}/matched-{arch}-q{q}", images=scale["adv"], true_labels=True,
                match=f"adv/{arch}/q{q}/e{e}")
        for arch in s["others"]:
            job(f"{neg}/independent-{arch}", "independent", split, None, arch=arch, images=q_l, epochs=e)
        for arch in [a, b, s["others"][0]]:
            job(f"{neg}/corrupted-{arch}", "independent", split, None, arch=arch, images=scale["corrupted"],
                epochs=e, corrupted=True)
        for vi, (victim, arch) in enumerate(s["victims"]):
            vname = f"{split}/{victim}/victim"
            job(vname, "victim", split, victim, arch=arch, images=scale["victim_data"],
                **{k: v for k, v in VICTIM_RECIPES[arch].items() if k != "epochs"},
                epochs=VICTIM_RECIPES[arch]["epochs"] if size != "smoke" else 4)
            for t in range(2 if size != "smoke" else 1):
                job(f"{split}/{victim}/twin-{t + 1}", "victim", split, victim, arch=arch,
                    images=scale["victim_data"], twin=True,
                    **{k: v for k, v in VICTIM_RECIPES[arch].items() if k != "epochs"},
                    epochs=VICTIM_RECIPES[arch]["epochs"] if size != "smoke" else 4)
            p = f"{split}/{victim}"
            ft = scale["ft"]
            job(f"{p}/finetune-all-adam", "finetune", split, victim, [vname], images=ft, epochs=2,
                optimizer="adam", lr=1e-3, layers="all")
            job(f"{p}/finetune-all-sgd", "finetune", split, victim, [vname], images=2 * ft, epochs=3,
                optimizer="sgd", lr=0.01, layers="all")
            job(f"{p}/finetune-last-keep", "finetune", split, victim, [vname], images=ft, epochs=3,
                optimizer="adam", lr=1e-3, layers="last")
            job(f"{p}/finetune-last-reinit", "finetune", split, victim, [vname], images=ft, epochs=3,
                optimizer="adam", lr=1e-3, layers="last", reinit=True)
            for rate in (0.3, 0.5, 0.7):
                job(f"{p}/prune-{int(rate * 100)}", "prune", split, victim, [vname], rate=rate, images=ft,
                    epochs=1, lr=5e-4)
            for frozen in (True, False):
                job(f"{p}/transfer-{'frozen' if frozen else 'trainable'}", "transfer", split, victim, [vname],
                    frozen=frozen, images=2 * ft, epochs=3)
            for arch, t, q in [(a, 4, q_s), (b, 20, q_l), (c, 10, q_l)]:
                job(f"{p}/extract-prob-{arch}-t{t}-q{q}", "extract", split, victim, [vname], arch=arch,
                    temperature=t, images=q, epochs=e, match=f"{arch}/q{q}/e{e}")
            for arch, q in [(a, q_l), (b, q_s), (c, q_l)]:
                job(f"{p}/extract-label-{arch}-q{q}", "extract", split, victim, [vname], arch=arch,
                    images=q, epochs=e, match=f"{arch}/q{q}/e{e}")
            for arch, q in [(a, q_l), (b, q_s)]:
                base = f"{p}/extract-label-{arch}-q{q}"
                job(f"{p}/extract-adv-{arch}-q{q}", "adversarial", split, victim, [base, vname], base=base,
                    images=scale["adv"], match=f"adv/{arch}/q{q}/e{e}")
    # Knockoff, JBDA, adversarial training from scratch, an InI victim and Tramer's attacks (attacks.py)
    attacks.extend(job, splits, scale, size, sys.modules[__name__])
    unique = {}
    for j in jobs:
        unique.setdefault(j["name"], j)
    return list(unique.values()), splits


FAMILY = {"finetune-all": "finetune-all", "finetune-last": "finetune-last", "prune": "prune",
          "transfer": "transfer", "extract-prob": "extract-prob", "extract-label": "extract-label",
          "extract-adv": "extract-adv", **attacks.FAMILIES}


def family_of(member):
    for prefix, fam in FAMILY.items():
        if member.startswith(prefix):
            return fam
    return None


# ---------------------------------------------------------------------------------------------
# running one job (in a worker process)

_DATA = None


def data(args):
    global _DATA
    if _DATA is None:
        _DATA = Data(args["data"])
    return _DATA


def path(out, name, ext):
    return os.path.join(out, name + ext)


def load(out, name):
    with open(path(out, name, ".json")) as f:
        meta = json.load(f)
    net = models.build(meta["architecture"])
    net.load_state_dict(torch.load(path(out, name, ".pt")))
    return net.eval(), meta


def run_job(job, args):
    torch.set_num_threads(1)
    d = data(args)
    out = args["out"]
    name, kind, p = job["name"], job["kind"], job["params"]
    seed = seed_of(name)
    t0 = time.time()
    queries = 0
    extra = {}
    accuracy_task = "clean"
    victim_net = None
    if job["victim"] is not None and kind not in attacks.VICTIM_KINDS:
        victim_net, _ = load(out, f"{job['split']}/{job['victim']}/victim")
    if kind == "victim":
        n = p["images"] or len(d.private_x)
        torch.manual_seed(seed)
        net = models.build(p["arch"])
        train(net, d.private_x[:n], d.private_y[:n], epochs=p["epochs"], seed=seed, optimizer=p["optimizer"],
              lr=p["lr"], weight_decay=p["weight_decay"])
        arch = p["arch"]
    elif kind == "independent":
        torch.manual_seed(seed)
        net = models.build(p["arch"])
        x, y = d.attacker_x[:p["images"]], d.attacker_y[:p["images"]]
        if p.get("corrupted"):
            x = corrupt(x, seed)
            accuracy_task = "corrupted"
        # the same seed as the matched student would use is not possible across victims; the
        # recipe (architecture, data, epochs, optimiser, schedule) is what is matched
        train(net, x, y, epochs=p["epochs"], seed=seed)
        arch = p["arch"]
    elif kind == "finetune":
        net = copy.deepcopy(victim_net)
        arch = net.arch
        if p.get("reinit"):
            torch.manual_seed(seed)
            net.head.reset_parameters()
        params = net.head.parameters() if p["layers"] == "last" else net.parameters()
        train(net, d.attacker_x[:p["images"]], d.attacker_y[:p["images"]], epochs=p["epochs"], seed=seed,
              optimizer=p["optimizer"], lr=p["lr"], parameters=params, freeze_bn=p["layers"] == "last")
    elif kind == "prune":
        net = copy.deepcopy(victim_net)
        arch = net.arch
        masks = prune(net, p["rate"])
        train(net, d.attacker_x[:p["images"]], d.attacker_y[:p["images"]], epochs=p["epochs"], seed=seed,
              lr=p["lr"], masks=masks)
    elif kind == "transfer":
        net = copy.deepcopy(victim_net)
        arch = net.arch
        torch.manual_seed(seed)
        net.head.reset_parameters()
        x = corrupt(d.attacker_x[:p["images"]], seed)
        if p["frozen"]:
            train(net, x, d.attacker_y[:p["images"]], epochs=p["epochs"], seed=seed, lr=1e-3,
                  parameters=net.head.parameters(), freeze_bn=True)
        else:
            params = [{"params": net.head.parameters(), "lr": 1e-3},
                      {"params": net.features.parameters(), "lr": 1e-4}]
            train(net, x, d.attacker_y[:p["images"]], epochs=p["epochs"], seed=seed, lr=1e-3, parameters=params)
        accuracy_task = "corrupted"
    elif kind == "extract":
        x = d.attacker_x[:p["images"]]
        probs = torch.softmax(predict(victim_net, x), dim=1)
        queries = len(x)
        torch.manual_seed(seed)
        net = models.build(p["arch"])
        arch = p["arch"]
        if "temperature" in p:
            train(net, x, probs, epochs=p["epochs"], seed=seed, temperature=p["temperature"])
        else:
            train(net, x, probs.argmax(1), epochs=p["epochs"], seed=seed)
    elif kind == "adversarial":
        net, base_meta = load(out, p["base"])
        arch = net.arch
        x = d.attacker_x[:p["images"]]
        if p.get("true_labels"):
            y = d.attacker_y[:p["images"]]
        else:
            y = predict(victim_net, x).argmax(1)  # answers the student's own extraction already bought
            queries = base_meta["queries"]
        train(net, x, y, epochs=2, seed=seed, lr=5e-4, adversarial=ADV)
    else:
        done = attacks.run(kind, p, d, victim_net, seed, sys.modules[__name__])
        if done is None:
            raise ValueError(kind)
        net, arch, queries, extra = done
    seconds = time.time() - t0
    export(net, out, name, probabilities=kind not in attacks.VICTIM_KINDS and seed % 3 == 0)
    torch.save(net.state_dict(), path(out, name, ".pt"))
    logits = predict(net, d.test_x)
    labels = logits.argmax(1)
    meta = dict(name=name, split=job["split"], victim=job["victim"], kind=kind, architecture=arch, seed=seed,
                recipe=p, queries=queries, train_seconds=round(seconds, 1),
                accuracy=round((labels == d.test_y).float().mean().item(), 4),
                test_predictions=labels.tolist())
    if accuracy_task == "corrupted":
        corrupted = predict(net, d.test_corrupted_x).argmax(1)
        meta["accuracy_corrupted"] = round((corrupted == d.test_y).float().mean().item(), 4)
    meta["task"] = accuracy_task
    meta.update(extra)  # what attacks.py measured (Tramer's weight error), empty for zoo.py's kinds
    meta["output"] = "probabilities" if kind not in attacks.VICTIM_KINDS and seed % 3 == 0 else "logits"
    with open(path(out, name, ".json"), "w") as f:
        json.dump(meta, f)
    return name, seconds, meta["accuracy"]


def export(net, out, name, probabilities):
    os.makedirs(os.path.dirname(path(out, name, ".onnx")), exist_ok=True)
    deployed = models.fold_batch_norm(net)
    if probabilities:
        deployed = models.WithSoftmax(deployed)
    probe = torch.rand(8, 1, 28, 28, generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        a = deployed(probe)
        b = torch.softmax(net(probe), 1) if probabilities else net(probe)
    if (a - b).abs().max().item() > 1e-4:
        raise RuntimeError(f"{name}: the deployed graph differs from the trained one by {(a - b).abs().max()}")
    # the exporter's eval peephole folds the remaining batch norms into the convolutions' weight
    # tensors in place, so it gets a copy; the Java benchmark checks every file against the
    # test-set labels stored beside it
    torch.onnx.export(copy.deepcopy(deployed), probe[:2], path(out, name, ".onnx"), input_names=["image"],
                      output_names=["probabilities" if probabilities else "logits"],
                      dynamic_axes={"image": {0: "batch"}}, opset_version=13, do_constant_folding=True)


# ---------------------------------------------------------------------------------------------
# the manifest

def manifest(out, jobs, splits, size, complete=True):
    entries = []
    preds = {}
    for j in jobs:
        with open(path(out, j["name"], ".json")) as f:
            preds[j["name"]] = json.load(f)
    for j in jobs:
        m = dict(preds[j["name"]])
        labels = torch.tensor(m.pop("test_predictions"))
        member = j["name"].split("/")[-1]
        if j["kind"] in attacks.VICTIM_KINDS:
            role = "twin" if j["params"].get("twin") else "victim"
            fam = None
        elif j["victim"] is not None:
            role, fam = "stolen", family_of(member)
        elif member.startswith("matched"):
            role, fam = "matched", None
        elif member.startswith("corrupted"):
            role, fam = "corrupted", None
        else:
            role, fam = "independent", None
        fidelity = {}
        for v, _ in splits[j["split"]]["victims"]:
            vl = torch.tensor(preds[f"{j['split']}/{v}/victim"]["test_predictions"])
            fidelity[v] = round((labels == vl).float().mean().item(), 4)
        m.update(file=j["name"] + ".onnx", role=role, family=fam, fidelity=fidelity,
                 match=j["params"].get("match"))
        entries.append(m)
    doc = dict(format="modelprint-pytorch-zoo", version=FORMAT_VERSION, size=size, complete=complete,
               torch=torch.__version__,
               data="fashion-mnist", split={"owner_private": [0, 25000], "owner_public": [25000, 30000],
                                            "attacker": [30000, 60000], "test": [0, 10000]},
               splits={s: dict(victims=[v for v, _ in spec_s["victims"]]) for s, spec_s in splits.items()},
               models=entries)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(doc, f, indent=1)
    return doc


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("size", choices=["smoke", "full"])
    ap.add_argument("--out", help="cache directory (default zoo-cache/pytorch/<size>)")
    ap.add_argument("--data", default=os.environ.get("MODELPRINT_DATA_DIR", DEFAULT_DATA))
    ap.add_argument("--jobs", type=int, default=2, help="models trained at once, one thread each (default 2)")
    ap.add_argument("--only", help="train only jobs whose name contains this")
    ap.add_argument("--manifest-only", action="store_true",
                    help="train nothing: write manifest.json over the models built so far (marked incomplete)")
    a = ap.parse_args(argv)
    out = a.out or os.path.join(ROOT, "zoo-cache", "pytorch", a.size)
    os.makedirs(out, exist_ok=True)
    jobs, splits = spec(a.size)
    args = dict(data=a.data, out=out)
    data(args)  # fail early on missing data
    if a.manifest_only:
        built = [j for j in jobs if os.path.exists(path(out, j["name"], ".json"))]
        victims = {j["name"] for j in built if j["kind"] in attacks.VICTIM_KINDS and not j["params"].get("twin")}
        built_splits = {s: dict(spec_s, victims=[(v, arch) for v, arch in spec_s["victims"]
                                                 if f"{s}/{v}/victim" in victims])
                        for s, spec_s in splits.items()}
        built_splits = {s: spec_s for s, spec_s in built_splits.items() if spec_s["victims"]}
        built = [j for j in built if j["split"] in built_splits]
        doc = manifest(out, built, built_splits, a.size, complete=len(built) == len(jobs))
        print(f"wrote {os.path.join(out, 'manifest.json')}: {len(doc['models'])} of {len(jobs)} models", flush=True)
        return
    todo = [j for j in jobs if not os.path.exists(path(out, j["name"], ".json"))
            and (a.only is None or a.only in j["name"])]
    done = {j["name"] for j in jobs if os.path.exists(path(out, j["name"], ".json"))}
    print(f"zoo {a.size}: {len(jobs)} models, {len(done)} cached, {len(todo)} to train in {out}", flush=True)
    t0 = time.time()
    running = {}
    failed = []
    with ProcessPoolExecutor(max_workers=a.jobs) as pool:
        while todo or running:
            ready = [j for j in todo if all(dep in done for dep in j["deps"])]
            while ready and len(running) < a.jobs:
                j = ready.pop(0)
                todo.remove(j)
                running[pool.submit(run_job, j, args)] = j
            if not running:
                if failed:
                    break  # the rest depend on a model that failed
                missing = {dep for j in todo for dep in j["deps"] if dep not in done}
                raise SystemExit(f"error: jobs wait for models that are not built: {sorted(missing)}")
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in finished:
                j = running.pop(fut)
                try:
                    name, seconds, acc = fut.result()
                except Exception as e:  # one failed model must not lose the others
                    failed.append(j["name"])
                    print(f"error: {j['name']} failed: {e!r}", file=sys.stderr, flush=True)
                    continue
                done.add(name)
                print(f"[{len(done)}/{len(jobs)}] {name}: accuracy {acc:.4f}, {seconds:.0f} s "
                      f"(elapsed {(time.time() - t0) / 60:.1f} min)", flush=True)
    if failed:
        raise SystemExit(f"error: {len(failed)} models failed (see above), their dependants were skipped: {failed}")
    if a.only is None or all(os.path.exists(path(out, j["name"], ".json")) for j in jobs):
        doc = manifest(out, jobs, splits, a.size)
        print(f"wrote {os.path.join(out, 'manifest.json')}: {len(doc['models'])} models, "
              f"{(time.time() - t0) / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
