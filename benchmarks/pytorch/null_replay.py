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

"""Replays the out-of-the-box verifier's self-calibration for akh-excess, outside the JVM, so that
choices of the calibration can be ablated on every victim of both zoos in seconds.

It reads the test-set labels every zoo model recorded when it was trained (the PyTorch zoo's
zoo-cache/pytorch/full and the DL4J zoo's zoo-cache/fashion-mnist-30000-30000-10000) and the
self-trained references' labels written by

    mvn -q -pl benchmarks -am compile exec:java@reference-predictions

(benchmarks/results/references.json: the query half, the training half, each reference's labels).
For each victim it takes the first 300 mistakes and 200 correct samples of the query half, as
excess-profile does, computes akh-excess (mismatch on the mistakes minus mismatch on the controls),
fits CompetenceAdjustedNull's line through the references' log-distances against their accuracy on
the controls, and gives each suspect the verifier's outcome: stolen (p < 0.05 and closer than every
reference moved to its accuracy), independent (clearing p >= 0.2), inconclusive otherwise. It
reproduces the Java verdicts of akh-excess to within a few models (its own queries are 300 + 200,
the Java akh-excess default 300 + 150). Only labels are stored, so error-profile is not replayed.

    /usr/bin/python3 benchmarks/pytorch/null_replay.py inflation          # spread inflation 3 to 1
    /usr/bin/python3 benchmarks/pytorch/null_replay.py inflation --references benchmarks/results/references-heldback.json
    /usr/bin/python3 benchmarks/pytorch/null_replay.py references         # other reference sets (trains them, minutes)
    /usr/bin/python3 benchmarks/pytorch/null_replay.py consensus          # mistakes the references share, left out
    /usr/bin/python3 benchmarks/pytorch/null_replay.py draws --draws 4    # the same recipes, other seeds
    /usr/bin/python3 benchmarks/pytorch/null_replay.py draws --draws 3 --variant "held-back training images"

The reference sets of "references" are trained here with PyTorch on the CPU: the Java trainer's
eight recipes (MLPs and small CNNs) on its 5,000 test images ("same recipes"); stronger CNNs with
shifts and flips on them ("cnn, augmented"); the same eight recipes on the owner's held-back
training images [25000, 30000) ("held-back training images") and on the victims' own first 10,000
training images ("victims' training images").
"""

import argparse
import collections
import glob
import gzip
import json
import os
import sys

import numpy as np
from scipy import stats

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = "/usr/share/datasets/fashion-mnist"


def _idx(name, offset):
    with gzip.open(os.path.join(DATA, name)) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


Y = _idx("t10k-labels-idx1-ubyte.gz", 8).astype(int)


def pytorch_zoo():
    out = []
    for f in sorted(glob.glob(os.path.join(ROOT, "zoo-cache/pytorch/full/*/*/*.json"))):
        j = json.load(open(f))
        d = f.split("/")[-2]
        k = j["kind"]
        if d == "negatives":
            role = "corrupted" if j.get("task", "clean") != "clean" else ("matched" if "matched" in j["name"] else "independent")
        elif k in ("victim", "ini-victim"):
            role = "victim" if j["name"].endswith("/victim") or k == "ini-victim" else "twin"
        else:
            role = "stolen"
        out.append(dict(name=j["name"], split=j["split"], dir=d, role=role, preds=np.array(j["test_predictions"])))
    return out


def dl4j_zoo():
    base = os.path.join(ROOT, "zoo-cache/fashion-mnist-30000-30000-10000")
    roles = {"INDEPENDENT": "independent", "INDEPENDENT_TRANSFER": "corrupted", "MATCHED": "matched", "TWIN": "twin"}
    out = []
    for split in ("dev", "test"):
        z = os.path.join(base, "bench-full-" + split)
        if not os.path.isdir(z):
            continue
        for f in sorted(glob.glob(z + "/*/*.json")):
            j = json.load(open(f))
            d = f.split("/")[-2]
            out.append(dict(name=j["id"], split=split, dir="negatives" if d == "shared" else d,
                            role=roles.get(j["family"], "stolen"), preds=np.array(j["testPredictions"])))
        for d in sorted(os.listdir(z)):
            if d.startswith("victim__"):
                j = json.load(open(os.path.join(base, "victims", d + ".json")))
                out.append(dict(name=d, split=split, dir=d, role="victim", preds=np.array(j["testPredictions"])))
    return out


class Null:
    """CompetenceAdjustedNull: log-distance against competence, Student's t, inflated spread."""

    def __init__(self, d, c, inflation):
        d = np.log(np.maximum(d, 1e-12))
        c = np.asarray(c, float)
        self.n, self.k, self.ld, self.c = len(d), inflation, d, c
        self.mx = c.mean()
        self.sxx = ((c - self.mx) ** 2).sum()
        self.b = ((c - self.mx) * (d - d.mean())).sum() / self.sxx
        self.a = d.mean() - self.b * self.mx
        self.sp = max(0.02, np.sqrt(((d - self.a - self.b * c) ** 2).sum() / (self.n - 2)))
        self.lo, self.hi = c.min(), c.max()

    def _raw(self, d, c):
        scale = self.k * self.sp * np.sqrt(1 + 1 / self.n + (c - self.mx) ** 2 / self.sxx)
        return stats.t.cdf((np.log(max(d, 1e-12)) - self.a - self.b * c) / scale, self.n - 2)

    def outcome(self, d, c, fpr=0.05, clear=0.2):
        cc = min(self.hi, max(self.lo, c))
        p = max(self._raw(d, c), self._raw(d, cc))
        closest = min(np.exp(self.ld + self.b * (c - self.c)).min(), np.exp(self.ld + self.b * (cc - self.c)).min())
        if p < fpr and d <= closest:
            return "stolen", p
        if min(self._raw(d, c), self._raw(d, cc)) >= clear:
            return "independent", p
        return "inconclusive", p


def queries(victim, query_half, mistakes=300, controls=200):
    q = query_half
    v = victim["preds"]
    return q[v[q] != Y[q]][:mistakes], q[v[q] == Y[q]][:controls]


def akh_excess(s, v, m, c):
    return max((s[m] != v[m]).mean() - (s[c] != v[c]).mean(), 1e-4)


def auc(pos, neg):
    pos, neg = np.asarray(pos), np.asarray(neg)
    return (pos[:, None] < neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean()


def replay(zoo, refs, query_half, inflation, keep=None):
    """Outcome counts per (split, role) and the mean AUC of p-values; keep(refs, v, m) may drop mistakes."""
    counts, aucs = collections.Counter(), []
    victims = [m for m in zoo if m["role"] == "victim"]
    for vic in victims:
        v = vic["preds"]
        m, c = queries(vic, query_half)
        ref_m = [m] * len(refs)
        if keep is not None:
            ref_m = [keep(np.delete(refs, i, 0), v, m) for i in range(len(refs))]
            m = keep(refs, v, m)
        dist = [akh_excess(r, v, mm, c) for r, mm in zip(refs, ref_m)]
        null = Null(np.array(dist), [(r[c] == Y[c]).mean() for r in refs], inflation)
        pos, neg = [], []
        for s in zoo:
            if s["split"] != vic["split"] or not (s["dir"] == "negatives" or (s["dir"] == vic["dir"] and s["role"] in ("stolen", "twin"))):
                continue
            o, p = null.outcome(akh_excess(s["preds"], v, m, c), (s["preds"][c] == Y[c]).mean())
            role = "negative" if s["role"] in ("independent", "matched", "corrupted") else s["role"]
            counts[(s["split"], role, o)] += 1
            (pos if role == "stolen" else neg if role == "negative" else []).append(p)
        if pos and neg:
            aucs.append(auc(pos, neg))
    return counts, float(np.mean(aucs))


def line(label, name, counts, a):
    cells = []
    for split in ("dev", "test"):
        cells.append(split + " " + " ".join(
            "%s %d/%d/%d" % (r, counts[(split, r, "stolen")], counts[(split, r, "inconclusive")], counts[(split, r, "independent")])
            for r in ("stolen", "twin", "negative")))
    print("%-28s %-8s AUC(p) %.3f | %s" % (label, name, a, " | ".join(cells)))


def report(label, zoos, refs, query_half, inflation, keep=None):
    for name, zoo in zoos:
        line(label, name, *replay(zoo, refs, query_half, inflation, keep))


def train_references(variant, training_half, seed=1000):
    import torch
    import torch.nn as nn
    torch.set_num_threads(2)

    def images(name):
        return torch.tensor(_idx(name, 16).reshape(-1, 1, 28, 28).astype(np.float32) / 255.0)

    if variant in ("same recipes", "cnn, augmented"):
        x, y, idx = images("t10k-images-idx3-ubyte.gz"), torch.tensor(Y), torch.tensor(training_half)
    else:
        lo, hi = (0, 10000) if variant == "victims' training images" else (25000, 30000)
        x = images("train-images-idx3-ubyte.gz")[lo:hi]
        y = torch.tensor(_idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)[lo:hi])
        idx = torch.arange(hi - lo)
    test_x = images("t10k-images-idx3-ubyte.gz")

    def mlp(*w):
        layers, d = [nn.Flatten()], 784
        for k in w:
            layers += [nn.Linear(d, k), nn.ReLU()]
            d = k
        return nn.Sequential(*layers, nn.Linear(d, 10))

    def cnn(a, b, h, bn=False):
        norm = (lambda ch: [nn.BatchNorm2d(ch)]) if bn else (lambda ch: [])
        return nn.Sequential(nn.Conv2d(1, a, 5, padding=2), *norm(a), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(a, b, 5, padding=2), *norm(b), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                             nn.Linear(b * 49, h), nn.ReLU(), nn.Linear(h, 10))

    # the Java trainer's recipes (Dl4jReferenceTrainer.RECIPES): architecture, share of the data, epochs
    recipes = [(lambda: mlp(256), 1.0, 10), (lambda: cnn(8, 16, 64), 1.0, 6), (lambda: mlp(512, 128), .8, 8),
               (lambda: mlp(128), .6, 12), (lambda: cnn(6, 12, 48), .7, 5), (lambda: mlp(1024), .8, 6),
               (lambda: mlp(256, 128), 1.0, 15), (lambda: mlp(384), .5, 4)]
    if variant == "cnn, augmented":
        recipes = [(lambda: cnn(16, 32, 128), 1.0, 20), (lambda: cnn(8, 16, 64), 1.0, 15),
                   (lambda: cnn(16, 32, 64, True), .8, 15), (lambda: mlp(256), 1.0, 20), (lambda: cnn(6, 12, 48), .7, 12),
                   (lambda: cnn(32, 64, 128, True), 1.0, 15), (lambda: mlp(512, 128), 1.0, 20), (lambda: cnn(12, 24, 96), .6, 20)]

    def augment(b, g):
        flip = torch.rand(b.shape[0], generator=g) < 0.5
        b = torch.where(flip[:, None, None, None], b.flip(3), b)
        padded = nn.functional.pad(b, (2, 2, 2, 2))
        dx, dy = torch.randint(0, 5, (2, b.shape[0]), generator=g)
        return torch.stack([padded[i, :, dy[i]:dy[i] + 28, dx[i]:dx[i] + 28] for i in range(b.shape[0])])

    out = []
    for k, (make, share, epochs) in enumerate(recipes):
        g = torch.Generator().manual_seed(seed + k)
        torch.manual_seed(seed + k)
        net = make()
        if variant.endswith("Xavier"):   # DL4J's initialisation (Architecture uses WeightInit.XAVIER)
            for layer in net.modules():
                if isinstance(layer, (nn.Linear, nn.Conv2d)):
                    nn.init.xavier_normal_(layer.weight)
                    nn.init.zeros_(layer.bias)
        mine = idx[torch.randperm(len(idx), generator=g)[:int(share * len(idx))]]
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        for _ in range(epochs):
            net.train()
            order = mine[torch.randperm(len(mine), generator=g)]
            for i in range(0, len(order), 64):
                b = order[i:i + 64]
                xb = augment(x[b], g) if variant == "cnn, augmented" else x[b]
                opt.zero_grad()
                nn.functional.cross_entropy(net(xb), y[b]).backward()
                opt.step()
        net.eval()
        with torch.no_grad():
            out.append(torch.cat([net(test_x[i:i + 2000]).argmax(1) for i in range(0, len(test_x), 2000)]).numpy())
        print("  %s: reference %d of %d trained" % (variant, k + 1, len(recipes)), file=sys.stderr, flush=True)
    return np.array(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ablation", choices=["inflation", "references", "consensus", "draws"])
    ap.add_argument("--draws", type=int, default=4, help="reference sets drawn by 'draws'")
    ap.add_argument("--only-last", action="store_true", help="'references': only the last variant (Xavier)")
    ap.add_argument("--variant", default="same recipes", choices=["same recipes", "held-back training images",
                                                                 "held-back training images, Xavier"],
                    help="the reference sets 'draws' trains")
    ap.add_argument("--references", default=os.path.join(ROOT, "benchmarks/results/references.json"))
    args = ap.parse_args()
    if not os.path.exists(args.references):
        raise SystemExit("error: %s is missing: run mvn -q -pl benchmarks -am compile exec:java@reference-predictions"
                         % args.references)
    r = json.load(open(args.references))
    query_half, refs = np.array(r["queries"]), np.array([x["labels"] for x in r["refs"]])
    zoos = [(n, z) for n, z in (("pytorch", pytorch_zoo()), ("dl4j", dl4j_zoo())) if z]
    print("outcomes stolen/inconclusive/independent of each role's models, per split; AUC(p): copies against negatives")
    if args.ablation == "inflation":
        print("references: " + r.get("trainedOn", "the training half"))
        for k in (3.0, 2.5, 2.0, 1.5, 1.0):
            report("inflation %.1f" % k, zoos, refs, query_half, k)
    elif args.ablation == "references":
        report("Java references, 2.5", zoos, refs, query_half, 2.5)
        variants = ("same recipes", "cnn, augmented", "held-back training images", "victims' training images",
                    "held-back training images, Xavier")
        for variant in variants[-1:] if args.only_last else variants:
            other = train_references(variant, np.array(r["training"]))
            for k in (2.5, 1.5, 1.0):
                report("%s, %.1f" % (variant, k), zoos, other, query_half, k)
    elif args.ablation == "draws":
        # the same recipes, other seeds: how much a verdict's false positives depend on the references drawn
        totals, aucs = collections.Counter(), collections.defaultdict(list)
        levels = (3.0, 2.5, 2.0) if args.variant == "same recipes" else (2.5, 1.5, 1.0)
        for d in range(args.draws):
            other = train_references(args.variant, np.array(r["training"]), seed=2000 + 1000 * d)
            for k in levels:
                for name, zoo in zoos:
                    counts, a = replay(zoo, other, query_half, k)
                    aucs[name].append(a)
                    for (split, role, o), n in counts.items():
                        totals[(k, name, split, role, o)] += n
                    if k == levels[1]:
                        line("draw %d, %.1f" % (d + 1, k), name, counts, a)
        print(args.variant + ": AUC of p over draws " + ", ".join(
            "%s %.3f to %.3f" % (n, min(v), max(v)) for n, v in aucs.items()))
        for k in levels:
            for name, _ in zoos:
                print("all %d draws, %.1f, %-7s" % (args.draws, k, name) + " | ".join(
                    "%s copies stolen %d, negatives stolen %d of %d" % (
                        split, totals[(k, name, split, "stolen", "stolen")], totals[(k, name, split, "negative", "stolen")],
                        sum(totals[(k, name, split, "negative", o)] for o in ("stolen", "inconclusive", "independent")))
                    for split in ("dev", "test")))
    else:
        for most in (8, 3, 1, 0):
            def keep(rs, v, m, most=most):
                shared = (rs[:, m] == v[m]).sum(0) * 8 / len(rs)
                kept = m[shared <= most]
                return kept if len(kept) >= 20 else m[np.argsort(shared)[:20]]
            report("shared by <= %d of 8" % most, zoos, refs, query_half, 2.5, keep)


if __name__ == "__main__":
    main()
