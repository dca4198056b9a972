#!/usr/bin/env python3
"""Score threat/not-threat predictions against a labelled JSONL corpus.

usage: score-predictions.py CORPUS.jsonl NAME=PRED.jsonl [NAME=PRED.jsonl ...]

Predictions are {"id","threat","type"} lines in corpus order (id = 1-based line number, as classify.py and the
engine's `classify` mode write them). Prints a markdown table: TPR over all attacks, FPR and TNR on benign,
balanced accuracy = (TPR + TNR) / 2, and a per-label detection table.
"""
import json
import sys


def load_labels(path):
    labels = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                labels.append(json.loads(line)["label"])
    return labels


def load_predictions(path, n):
    preds = [None] * n
    with open(path, encoding="utf-8") as f:
        for k, line in enumerate(f):
            if not line.strip():
                continue
            p = json.loads(line)
            idx = int(p.get("id", k + 1)) - 1
            preds[idx] = bool(p["threat"])
    missing = sum(1 for p in preds if p is None)
    if missing:
        sys.exit(f"{path}: {missing} predictions missing")
    return preds


def main():
    corpus, specs = sys.argv[1], sys.argv[2:]
    labels = load_labels(corpus)
    systems = []
    for spec in specs:
        name, path = spec.split("=", 1)
        systems.append((name, load_predictions(path, len(labels))))

    print("| system | TPR (all attacks) | FPR (benign) | balanced accuracy |")
    print("|---|---:|---:|---:|")
    for name, preds in systems:
        attacks = [p for p, l in zip(preds, labels) if l != "benign"]
        benign = [p for p, l in zip(preds, labels) if l == "benign"]
        tpr = sum(attacks) / len(attacks)
        fpr = sum(benign) / len(benign)
        print(f"| {name} | {tpr:.2%} | {fpr:.2%} | {(tpr + 1 - fpr) / 2:.2%} |")

    print()
    print("| label | inputs | " + " | ".join(name for name, _ in systems) + " |")
    print("|---|---:|" + "---:|" * len(systems))
    for label in sorted(set(labels)):
        idx = [i for i, l in enumerate(labels) if l == label]
        cells = [f"{sum(preds[i] for i in idx) / len(idx):.2%}" for _, preds in systems]
        print(f"| {label} | {len(idx)} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
