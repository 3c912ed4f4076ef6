#!/usr/bin/env python3
"""Validate tests/corpus/hate.jsonl: every line parses, ids unique, labels match
the class (classes 1-12 hateful, 13-19 clean), no duplicate texts, and at least
MIN posts per class per language. Prints the class x language table."""
import json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "hate.jsonl")
MIN = 12
LANGS = ["nl", "en", "fr", "de"]
CLASSES = ["1-emotion", "2-attribute", "3-dehumanisation", "4-implicit", "5-direct-threat",
           "6-normative-threat", "7-slur", "8-profanity-at-group", "9-pronoun",
           "10-negated-positive", "11-question-opinion", "12-obfuscation",
           "13-ordinary-sense", "14-reclaimed", "15-untargeted-profanity", "16-negated-hate",
           "17-neutral-positive", "18-counter-speech", "19-non-protected"]
HATEFUL = set(CLASSES[:12])
KEYS = {"id", "lang", "text", "labels", "class", "group"}

errors, ids, texts = [], set(), {}
count = defaultdict(Counter)
groups = defaultdict(Counter)
with open(PATH, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            o = json.loads(line)
        except Exception as e:
            errors.append(f"line {n}: not JSON ({e})"); continue
        if set(o) != KEYS:
            errors.append(f"line {n}: keys {sorted(o)}"); continue
        if o["id"] in ids: errors.append(f"line {n}: duplicate id {o['id']}")
        ids.add(o["id"])
        if o["lang"] not in LANGS: errors.append(f"line {n}: lang {o['lang']}")
        if not re.fullmatch(rf"hate-{o['lang']}-[a-z]+-\d{{3}}", o["id"]):
            errors.append(f"line {n}: id {o['id']} does not match lang")
        if o["class"] not in CLASSES: errors.append(f"line {n}: class {o['class']}")
        want = ["hate"] if o["class"] in HATEFUL else []
        if o["labels"] != want: errors.append(f"line {n}: labels {o['labels']} for {o['class']}")
        if not isinstance(o["text"], str) or not o["text"].strip():
            errors.append(f"line {n}: empty text")
        key = (o["lang"], o["text"].strip().lower())
        if key in texts: errors.append(f"line {n}: same text as line {texts[key]}")
        texts[key] = n
        count[o["class"]][o["lang"]] += 1
        groups[o["lang"]][o["group"]] += 1

w = max(map(len, CLASSES))
print(f"{'class':<{w}}  kind   " + "  ".join(f"{l:>4}" for l in LANGS) + "  total")
for c in CLASSES:
    row = [count[c][l] for l in LANGS]
    for l, v in zip(LANGS, row):
        if v < MIN: errors.append(f"{c}/{l}: only {v} posts (< {MIN})")
    kind = "hate " if c in HATEFUL else "clean"
    print(f"{c:<{w}}  {kind}  " + "  ".join(f"{v:>4}" for v in row) + f"  {sum(row):>5}")
tot = [sum(count[c][l] for c in CLASSES) for l in LANGS]
print(f"{'total':<{w}}         " + "  ".join(f"{v:>4}" for v in tot) + f"  {sum(tot):>5}")
hate = sum(count[c][l] for c in HATEFUL for l in LANGS)
print(f"hateful {hate}, clean {sum(tot) - hate}")
for l in LANGS:
    print(f"groups {l}: " + ", ".join(f"{g}={v}" for g, v in sorted(groups[l].items())))
if errors:
    print("\nERRORS:"); [print("  " + e) for e in errors]; sys.exit(1)
print("OK")
