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

"""Stronger stealing attacks and the InI defence for the PyTorch zoo (zoo.py calls in here).

Families added per victim (new job kinds, appended after zoo.py's own jobs, so cached models keep
their names):

- knockoff-prob / knockoff-label: Knockoff Nets (Orekondy et al. 2019): the victim is queried with
  images from another distribution, made from the attacker's Fashion-MNIST images ("transformed":
  rotated by 90, 180 or 270 degrees and, for half of them, inverted; "mixtures": pairwise blends
  with lambda in [0.2, 0.8]; "corrupted": zoo.corrupt), and a student is trained from scratch on
  the probabilities (soft cross-entropy) or the top-1 labels.
- jbda: Jacobian-based dataset augmentation (Papernot et al. 2017): 150 seed images labelled by the
  victim; each round a substitute is trained from scratch and the set grows by
  x + lambda * sign(d p_y / d x) (lambda 0.1, y the victim's label); only new points are queried;
  6 rounds, 9,600 queries (4 rounds in the smoke zoo).
- adv-scratch: a student trained from scratch on the victim's labels with PGD in every batch
  (zoo.ADV), not a fine-tune; its matched negative is trained the same way on the true labels.
- an InI-defended victim per split ("<victim>-ini", kind "ini-victim"; Guo et al. 2023): the
  victim's architecture and data trained from scratch with CE + 0.3 * L1(S(x'), V(x')) +
  1 * cos(grad_S KL(S||V) on x, grad_S CE(S(x), y)) + 1000 * mean |grad_S KL(S||V) on x'|, S a
  frozen randomly initialised student of the same architecture, x' transformed owner images
  (second-order terms by autograd, create_graph=True, and the terms' gradients combined by PCGrad,
  as in the paper's code and run script), with one student per extraction family.
- a softmax-regression victim "v-softmax" with Tramer et al.'s (2016) attacks: "tramer-basis"
  solves log(p_i / p_0) = (w_i - w_0) x + (b_i - b_0) from the d + 1 basis queries (the black image
  and every one-white-pixel image) by least squares (torch.linalg.lstsq, float64) and records the
  largest weight error up to the shift of one class; "tramer-label-uniform" and
  "tramer-label-line" retrain a softmax regression on the labels of 10 (d + 1) uniformly random
  queries, or of random ones followed by line searches (8 halvings) between differently labelled
  pairs.

Every model records its queries, accuracy (and zoo.py's manifest its fidelity to every victim of
its split) in the fields zoo.py already writes.
"""
import math

import torch
import torch.nn.functional as F

import models

OOD_KINDS = ("transformed", "mixtures", "corrupted")
JBDA = dict(seeds=150, rounds=6, lam=0.1, epochs=10)
INI = dict(gamma=0.3, delta=1.0, epsilon=1000.0, max_grad_norm=10.0, pcgrad=True)
TRAMER_STEPS = 8


# ---------------------------------------------------------------------------------------------
# the jobs

def extend(job, splits, scale, size, zoo):
    """Appends the new families' jobs through zoo.py's `job` function and adds the new victims to
    `splits` (after zoo.py's own loop has run, so its jobs are unchanged); `zoo` is zoo.py's module."""
    smoke = size == "smoke"
    e = scale["epochs"]
    q = scale["q_large"]
    rounds = 4 if smoke else JBDA["rounds"]
    for split, s in splits.items():
        a, b, _ = (s["students"] + s["students"])[:3]
        neg = f"{split}/negatives"
        for arch in dict.fromkeys([a, b]):
            job(f"{neg}/matched-advscratch-{arch}-q{scale['adv']}", "adv-scratch", split, None, arch=arch,
                images=scale["adv"], epochs=e, true_labels=True, match=f"advscratch/{arch}/q{scale['adv']}/e{e}")
        victims = list(s["victims"])
        # the InI variant of the split's first victim whose architecture trains in minutes
        base_victim, base_arch = next(((v, ar) for v, ar in victims if ar in ("mlp-512-256", "mlp-256-128", "lenet5")),
                                      victims[0])
        ini_name = f"{base_victim}-ini"
        recipe = zoo.VICTIM_RECIPES[base_arch]
        job(f"{split}/{ini_name}/victim", "ini-victim", split, ini_name, arch=base_arch, images=scale["victim_data"],
            optimizer=recipe["optimizer"], lr=recipe["lr"], weight_decay=recipe["weight_decay"],
            epochs=recipe["epochs"] if not smoke else 4, **INI)
        for victim, _ in victims + [(ini_name, base_arch)]:
            vname = f"{split}/{victim}/victim"
            p = f"{split}/{victim}"
            job(f"{p}/knockoff-prob-{a}-transformed-q{q}", "knockoff", split, victim, [vname], arch=a, ood="transformed",
                answers="probabilities", images=q, epochs=e, match=f"{a}/q{q}/e{e}")
            job(f"{p}/knockoff-prob-{b}-mixtures-q{q}", "knockoff", split, victim, [vname], arch=b, ood="mixtures",
                answers="probabilities", images=q, epochs=e, match=f"{b}/q{q}/e{e}")
            job(f"{p}/knockoff-label-{a}-transformed-q{q}", "knockoff", split, victim, [vname], arch=a, ood="transformed",
                answers="labels", images=q, epochs=e, match=f"{a}/q{q}/e{e}")
            job(f"{p}/jbda-{b}-r{rounds}", "jbda", split, victim, [vname], arch=b, seeds=JBDA["seeds"], rounds=rounds,
                lam=JBDA["lam"], epochs=JBDA["epochs"])
            job(f"{p}/adv-scratch-{a}-q{scale['adv']}", "adv-scratch", split, victim, [vname], arch=a, images=scale["adv"],
                epochs=e, match=f"advscratch/{a}/q{scale['adv']}/e{e}")
            if victim == ini_name:
                # the defended victim's students of the families zoo.py has: distillation, labels
                job(f"{p}/extract-prob-{a}-t4-q{q}", "extract", split, victim, [vname], arch=a, temperature=4,
                    images=q, epochs=e, match=f"{a}/q{q}/e{e}")
                job(f"{p}/extract-label-{a}-q{q}", "extract", split, victim, [vname], arch=a, images=q, epochs=e,
                    match=f"{a}/q{q}/e{e}")
        s["victims"].append((ini_name, base_arch))
        vname = f"{split}/v-softmax/victim"
        job(vname, "victim", split, "v-softmax", arch="softmax-regression", images=scale["victim_data"],
            **{k: v for k, v in zoo.VICTIM_RECIPES["softmax-regression"].items() if k != "epochs"},
            epochs=zoo.VICTIM_RECIPES["softmax-regression"]["epochs"] if not smoke else 4)
        job(f"{split}/v-softmax/tramer-basis", "tramer", split, "v-softmax", [vname])
        budget = 10 * (28 * 28 + 1)
        for strategy in ("uniform", "line"):
            job(f"{split}/v-softmax/tramer-label-{strategy}", "tramer-label", split, "v-softmax", [vname],
                strategy=strategy, budget=budget, steps=TRAMER_STEPS, epochs=20)
        s["victims"].append(("v-softmax", "softmax-regression"))


FAMILIES = {"knockoff-prob": "knockoff-prob", "knockoff-label": "knockoff-label", "jbda": "jbda",
            "adv-scratch": "adv-scratch", "tramer-basis": "tramer-equations", "tramer-label": "tramer-label"}
VICTIM_KINDS = ("victim", "ini-victim")


# ---------------------------------------------------------------------------------------------
# running one job: returns (net, arch, queries, extra metadata) or None for kinds not handled here

def run(kind, p, d, victim_net, seed, zoo):
    if kind == "knockoff":
        x = out_of_distribution(d.attacker_x[:p["images"]], p["ood"], seed, zoo)
        probs = torch.softmax(zoo.predict(victim_net, x), dim=1)
        net = fresh(p["arch"], seed)
        if p["answers"] == "probabilities":
            zoo.train(net, x, probs, epochs=p["epochs"], seed=seed, temperature=1)
        else:
            zoo.train(net, x, probs.argmax(1), epochs=p["epochs"], seed=seed)
        return net, p["arch"], len(x), {}
    if kind == "jbda":
        net, queries = jbda(p, d, victim_net, seed, zoo)
        return net, p["arch"], queries, {}
    if kind == "adv-scratch":
        x = d.attacker_x[:p["images"]]
        if p.get("true_labels"):
            y, queries = d.attacker_y[:p["images"]], 0
        else:
            y, queries = zoo.predict(victim_net, x).argmax(1), len(x)
        net = fresh(p["arch"], seed)
        zoo.train(net, x, y, epochs=p["epochs"], seed=seed, adversarial=zoo.ADV)
        return net, p["arch"], queries, {}
    if kind == "ini-victim":
        n = p["images"] or len(d.private_x)
        net = ini_victim(p, d.private_x[:n], d.private_y[:n], seed, zoo)
        return net, p["arch"], 0, {}
    if kind == "tramer":
        net, err, queries = equation_solving(victim_net)
        return net, "softmax-regression", queries, {"max_weight_error": err}
    if kind == "tramer-label":
        net, queries = label_only(p, victim_net, seed, zoo)
        return net, "softmax-regression", queries, {}
    return None


def fresh(arch, seed):
    torch.manual_seed(seed)
    return models.build(arch)


def out_of_distribution(x, kind, seed, zoo):
    """The attacker's images moved off the victim's distribution (see the module's docstring)."""
    g = torch.Generator().manual_seed(seed)
    if kind == "corrupted":
        return zoo.corrupt(x, seed)
    if kind == "mixtures":
        other = (torch.arange(len(x)) + torch.randint(1, len(x), (len(x),), generator=g)) % len(x)
        lam = (0.2 + 0.6 * torch.rand(len(x), generator=g)).view(-1, 1, 1, 1)
        return lam * x + (1 - lam) * x[other]
    if kind == "transformed":
        turns = torch.randint(1, 4, (len(x),), generator=g)
        invert = torch.rand(len(x), generator=g) < 0.5
        out = torch.empty_like(x)
        for k in (1, 2, 3):
            sel = turns == k
            out[sel] = torch.rot90(x[sel], k, dims=(2, 3))
        out[invert] = 1 - out[invert]
        return out
    raise ValueError(f"unknown out-of-distribution kind {kind!r}: one of {OOD_KINDS}")


def jbda(p, d, victim_net, seed, zoo):
    g = torch.Generator().manual_seed(seed)
    pool = d.attacker_x
    x = pool[torch.randperm(len(pool), generator=g)[:p["seeds"]]]
    y = zoo.predict(victim_net, x).argmax(1)
    queries = len(x)
    net = None
    for r in range(p["rounds"] + 1):
        net = fresh(p["arch"], seed)
        zoo.train(net, x, y, epochs=p["epochs"], seed=seed, batch=min(128, len(x)))
        if r == p["rounds"]:
            break
        net.eval()
        xa = x.clone().requires_grad_(True)
        prob = torch.softmax(net(xa), dim=1).gather(1, y.view(-1, 1)).sum()
        grad, = torch.autograd.grad(prob, xa)
        new = (x + p["lam"] * grad.sign()).clamp(0, 1).detach()
        y_new = zoo.predict(victim_net, new).argmax(1)
        queries += len(new)
        x, y = torch.cat([x, new]), torch.cat([y, y_new])
    return net, queries


def ini_victim(p, x, y, seed, zoo):
    """Trains a victim from scratch with InI's loss against a frozen random student (see above)."""
    torch.manual_seed(seed)
    victim = models.build(p["arch"])
    student = models.build(p["arch"]).eval()  # frozen at its random initialisation
    s_params = [q for q in student.parameters()]
    ood = out_of_distribution(x, "transformed", seed + 1, zoo)
    g = torch.Generator().manual_seed(seed)
    if p["optimizer"] == "adam":
        opt = torch.optim.Adam(victim.parameters(), lr=p["lr"], weight_decay=p["weight_decay"])
    else:
        opt = torch.optim.SGD(victim.parameters(), lr=p["lr"], momentum=0.9, weight_decay=p["weight_decay"], nesterov=True)
    batch = 128
    steps = p["epochs"] * math.ceil(len(x) / batch)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.5 * (1 + math.cos(math.pi * s / steps)))

    def kl(student_logits, victim_logits):  # KL(softmax(S) || softmax(V)), the code's grad loss
        q = torch.softmax(student_logits, dim=1)
        return (q * (torch.log_softmax(student_logits, dim=1) - torch.log_softmax(victim_logits, dim=1))).sum(1).mean()

    for _ in range(p["epochs"]):
        victim.train()
        order = torch.randperm(len(x), generator=g)
        ood_order = torch.randperm(len(ood), generator=g)
        for i in range(0, len(x), batch):
            b = order[i:i + batch]
            xi, yi, xo = x[b], y[b], ood[ood_order[i:i + batch]]
            v_id, v_ood = victim(xi), victim(xo)
            s_id, s_ood = student(xi), student(xo)
            losses = [F.cross_entropy(v_id, yi)]
            if p["gamma"]:
                centred = torch.log_softmax(v_ood, dim=1)
                centred = centred - centred.mean(dim=1, keepdim=True)
                losses.append(p["gamma"] * (s_ood.detach() - centred).abs().mean())
            if p["delta"]:
                g1 = torch.cat([t.flatten() for t in torch.autograd.grad(kl(s_id, v_id), s_params, create_graph=True)])
                g2 = torch.cat([t.flatten() for t in torch.autograd.grad(F.cross_entropy(s_id, yi), s_params,
                                                                         retain_graph=True)]).detach()
                losses.append(p["delta"] * F.cosine_similarity(g1, g2, dim=0))
            if p["epsilon"]:
                g3 = torch.cat([t.flatten() for t in torch.autograd.grad(kl(s_ood, v_ood), s_params, create_graph=True)])
                losses.append(p["epsilon"] * g3.abs().mean())
            opt.zero_grad()
            if p.get("pcgrad", True):
                # PCGrad, as the paper's run script: each term's gradient loses its components against
                # the terms it conflicts with (random order), then the projected gradients are averaged
                v_params = [t for t in victim.parameters()]
                grads = []
                for i, term in enumerate(losses):
                    gs = torch.autograd.grad(term, v_params, retain_graph=i < len(losses) - 1, allow_unused=True)
                    grads.append(torch.cat([(z if z is not None else torch.zeros_like(t)).flatten()
                                            for z, t in zip(gs, v_params)]))
                merged = torch.zeros_like(grads[0])
                for gi in grads:
                    gi = gi.clone()
                    for j in torch.randperm(len(grads), generator=g).tolist():
                        dot = torch.dot(gi, grads[j])
                        if dot < 0:
                            gi -= dot * grads[j] / grads[j].norm() ** 2
                    merged += gi / len(grads)
                offset = 0
                for t in v_params:
                    t.grad = merged[offset:offset + t.numel()].view_as(t).clone()
                    offset += t.numel()
            else:
                sum(losses).backward()
                torch.nn.utils.clip_grad_norm_(victim.parameters(), max_norm=p["max_grad_norm"])
            opt.step()
            sched.step()
            for t in s_params:
                t.grad = None  # the student is never stepped
    return victim.eval()


def affine_map(net):
    """The softmax regression's affine map in raw pixels: logits = A x + c (its Normalize folded in)."""
    w, b = net.head.weight.detach().double(), net.head.bias.detach().double()
    return w / models.STD, b - (w / models.STD).sum(1) * models.MEAN


def equation_solving(victim_net):
    """Tramer's equation solving from the d + 1 basis queries, by least squares in float64."""
    d = 28 * 28
    x = torch.zeros(d + 1, 1, 28, 28)
    x.view(d + 1, -1)[1:] = torch.eye(d)
    with torch.no_grad():
        p = torch.softmax(victim_net(x), dim=1).double()  # what a probability API answers (float32, then exact logs)
    if (p <= 0).any():
        raise ValueError("the victim answered probability 0: its logits differ by more than float precision holds")
    r = torch.log(p[:, 1:]) - torch.log(p[:, :1])  # (d + 1) x (k - 1)
    design = torch.cat([x.view(d + 1, -1).double(), torch.ones(d + 1, 1, dtype=torch.float64)], dim=1)
    u = torch.linalg.lstsq(design, r).solution  # (d + 1) x (k - 1)
    a = torch.cat([torch.zeros(1, d, dtype=torch.float64), u[:d].T])  # k x d, class 0's row zero
    c = torch.cat([torch.zeros(1, dtype=torch.float64), u[d]])
    net = models.build("softmax-regression")
    with torch.no_grad():  # raw-pixel map -> the network's head after its Normalize
        net.head.weight.copy_((a * models.STD).float())
        net.head.bias.copy_((c + a.sum(1) * models.MEAN).float())
    va, vc = affine_map(victim_net)
    shift = lambda m, v: (m - m[:1], v - v[:1])  # noqa: E731
    (va, vc), (ca, cc) = shift(va, vc), shift(*affine_map(net))
    err = max((va - ca).abs().max().item(), (vc - cc).abs().max().item())
    return net.eval(), err, len(x)


def label_only(p, victim_net, seed, zoo):
    """Tramer's label-only retraining: uniform queries, or uniform ones then line searches."""
    g = torch.Generator().manual_seed(seed)
    budget = p["budget"]
    first = budget if p["strategy"] == "uniform" else budget // 2
    x = torch.rand(first, 1, 28, 28, generator=g)
    y = zoo.predict(victim_net, x).argmax(1)
    if p["strategy"] == "line":
        if (y == y[0]).all():
            raise ValueError(f"the victim labels all {first} random images as class {y[0].item()}: no line search possible")
        found, labels, left = [], [], budget - first
        while left > 0:
            i, j = torch.randint(0, first, (2,), generator=g).tolist()
            if y[i] == y[j]:
                continue
            a, b, la = x[i], x[j], y[i]
            for _ in range(min(p["steps"], left)):
                mid = (a + b) / 2
                lm = zoo.predict(victim_net, mid.unsqueeze(0)).argmax(1)[0]
                left -= 1
                found.append(mid)
                labels.append(lm)
                if lm == la:
                    a = mid
                else:
                    b = mid
        x = torch.cat([x, torch.stack(found)])
        y = torch.cat([y, torch.stack(labels)])
    net = fresh("softmax-regression", seed)
    zoo.train(net, x, y, epochs=p["epochs"], seed=seed, lr=1e-2)
    return net, budget
