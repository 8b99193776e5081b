#!/usr/bin/env python3
"""Check the search gold set against the bundled course content.

Usage: python3 check_gold.py [GOLD_YAML] [CONTENT_DIR]

Defaults: gold.yaml next to this script, and src/main/resources/content of the
repository that contains it. Exits with status 1 if any rule fails:

  * at least 150 entries, each with id, question, course and relevant;
  * ids unique, each starting with its course's prefix;
  * every course exists; every target kind is lesson, item, solution or hint;
  * every target key exists in that course (lesson keys from the lessons'
    front matter, item keys from the "- key:" lines of items/*.yaml);
  * grades are 1 or 2, no target is listed twice in an entry, and every entry
    has at least one grade-2 target;
  * every lesson of every course is a grade-2 target at least twice.

It then prints counts per course and per kind of grade-2 target and, when
PyYAML is available, a lexical-overlap profile of the questions (how many
reuse the distinctive words of their grade-2 passages), which is
informational only.

Standard library only; PyYAML is used when installed, otherwise a small parser
for the simple subset the gold file uses.
"""
import collections
import glob
import math
import os
import re
import sys

try:
    import yaml  # type: ignore
except ImportError:  # pragma: no cover - exercised only without PyYAML
    yaml = None

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ("lesson", "item", "solution", "hint")
PREFIX = {
    "sat-math-algebra": "sat-",
    "alevel-differentiation": "diff-",
    "ielts-grammar-vocabulary": "gram-",
    "ielts-writing-task2": "writ-",
}
MIN_ENTRIES = 150
MIN_LESSON_GRADE2 = 2


def default_content_dir():
    d = HERE
    while d != os.path.dirname(d):
        cand = os.path.join(d, "src", "main", "resources", "content")
        if os.path.isdir(cand):
            return cand
        d = os.path.dirname(d)
    sys.exit("cannot find src/main/resources/content above " + HERE)


# --------------------------------------------------------------- gold parsing
def _scalar(s):
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"'":
        body = s[1:-1]
        if s[0] == '"':
            return body.replace('\\"', '"').replace("\\\\", "\\")
        return body.replace("''", "'")
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    return s


def parse_gold_simple(text):
    """Parser for the subset used by gold.yaml (no PyYAML needed)."""
    entries, cur = [], None
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].rstrip() if not raw.lstrip().startswith("question:") else raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^- (\w+):\s*(.*)$", line)
        if m:
            cur = {m.group(1): _scalar(m.group(2))}
            entries.append(cur)
            continue
        m = re.match(r"^  (\w+):\s*(.*)$", line)
        if m and cur is not None:
            k, v = m.group(1), m.group(2)
            cur[k] = [] if k == "relevant" and not v else _scalar(v)
            continue
        m = re.match(r"^    - \{(.*)\}\s*$", line)
        if m and cur is not None:
            t = {}
            for part in m.group(1).split(","):
                k, v = part.split(":", 1)
                t[k.strip()] = _scalar(v)
            cur.setdefault("relevant", []).append(t)
            continue
        raise ValueError("unparsed line: " + raw)
    return entries


def load_gold(path):
    text = open(path, encoding="utf-8").read()
    return yaml.safe_load(text) if yaml else parse_gold_simple(text)


# ------------------------------------------------------------ content reading
def read_course(cdir):
    """Return {'lesson': {key: text}, 'item': {...}, 'solution': {...}, 'hint': {...}}.

    Keys come from plain-text scanning (works without PyYAML); texts are filled
    in only when PyYAML is available."""
    docs = {k: {} for k in KINDS}
    for f in sorted(glob.glob(os.path.join(cdir, "lessons", "*.md"))):
        text = open(f, encoding="utf-8").read()
        parts = text.split("---", 2)
        m = re.search(r"^key:\s*(\S+)\s*$", parts[1] if len(parts) > 2 else "", re.M)
        if not m:
            raise ValueError("lesson without key: " + f)
        docs["lesson"][m.group(1)] = parts[2] if len(parts) > 2 else text
    for f in sorted(glob.glob(os.path.join(cdir, "items", "*.yaml"))):
        text = open(f, encoding="utf-8").read()
        keys = re.findall(r"^- key:\s*(\S+)\s*$", text, re.M)
        parsed = {}
        if yaml:
            for it in yaml.safe_load(text) or []:
                parsed[it["key"]] = it
        for k in keys:
            it = parsed.get(k, {})
            stem = str(it.get("stem", "")) + " " + " ".join(
                str(c.get("text", "")) for c in it.get("choices") or [])
            docs["item"][k] = stem
            docs["solution"][k] = str(it.get("solution", ""))
            docs["hint"][k] = " ".join(map(str, it.get("hints") or []))
    for f in sorted(glob.glob(os.path.join(cdir, "items", "*.md"))):
        text = open(f, encoding="utf-8").read()
        m = re.search(r"^key:\s*(\S+)\s*$", text.split("---", 2)[1], re.M)
        if m:
            for kind in ("item", "solution", "hint"):
                docs[kind][m.group(1)] = text
    return docs


# -------------------------------------------------------------- overlap stats
STOP = set("""a an the and or of to in on at by for with from as is are was were be been being do does did
how what why when where which who whom whose this that these those it its i me my you your we our they them
their he she his her can could should would will shall may might must not no yes if then than so but just
there here get got into out up down over under about also very really any some all each every one two
use using used make does doesnt dont isnt cant im ive whats thats theres""".split())


def tokens(s):
    s = re.sub(r"\\[a-zA-Z]+", " ", s.lower())
    out = []
    for w in re.findall(r"[a-z]+", s):
        if len(w) < 3 or w in STOP:
            continue
        if w.endswith("s") and len(w) > 4:
            w = w[:-1]
        out.append(w)
    return out


def overlap_profile(gold, content):
    """Share of each question's (IDF-weighted) content words found in its grade-2 passages."""
    idf = {}
    for course, docs in content.items():
        bag = [set(tokens(t)) for kind in KINDS for t in docs[kind].values()]
        df = collections.Counter(w for b in bag for w in b)
        n = len(bag)
        idf[course] = (df, n)
    scores = []
    for e in gold:
        df, n = idf[e["course"]]
        target = set()
        for t in e["relevant"]:
            if t["grade"] == 2:
                target |= set(tokens(content[e["course"]][t["kind"]].get(t["key"], "")))
        q = set(tokens(e["question"]))
        if not q:
            scores.append(0.0)
            continue
        w = {x: math.log((n + 1) / (df.get(x, 0) + 0.5)) for x in q}
        total = sum(w.values())
        scores.append(sum(v for x, v in w.items() if x in target) / total if total else 0.0)
    return scores


# ---------------------------------------------------------------------- main
def main():
    gold_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "gold.yaml")
    content_dir = sys.argv[2] if len(sys.argv) > 2 else default_content_dir()
    gold = load_gold(gold_path)
    courses = sorted(d for d in os.listdir(content_dir)
                     if os.path.isfile(os.path.join(content_dir, d, "course.yaml")))
    content = {c: read_course(os.path.join(content_dir, c)) for c in courses}

    errors = []
    if not isinstance(gold, list):
        sys.exit("gold file must be a YAML list")
    if len(gold) < MIN_ENTRIES:
        errors.append(f"only {len(gold)} entries; need at least {MIN_ENTRIES}")

    ids = collections.Counter(e.get("id") for e in gold)
    for i, n in ids.items():
        if n > 1:
            errors.append(f"duplicate id {i} ({n} times)")

    per_course = collections.Counter()
    grade2_kind = collections.Counter()
    grade2_kind_course = collections.defaultdict(collections.Counter)
    all_kind = collections.Counter()
    lesson_hits = collections.Counter()
    for e in gold:
        eid = e.get("id", "?")
        for field in ("id", "question", "course", "relevant"):
            if not e.get(field):
                errors.append(f"{eid}: missing or empty '{field}'")
        course = e.get("course")
        if course not in content:
            errors.append(f"{eid}: unknown course {course!r}")
            continue
        if course in PREFIX and not str(eid).startswith(PREFIX[course]):
            errors.append(f"{eid}: id should start with {PREFIX[course]!r} for {course}")
        per_course[course] += 1
        seen, has2 = set(), False
        for t in e.get("relevant") or []:
            kind, key, grade = t.get("kind"), t.get("key"), t.get("grade")
            if kind not in KINDS:
                errors.append(f"{eid}: bad kind {kind!r}")
                continue
            if key not in content[course][kind]:
                errors.append(f"{eid}: no {kind} {key!r} in {course}")
            if grade not in (1, 2):
                errors.append(f"{eid}: grade must be 1 or 2, got {grade!r} for {kind} {key}")
            if (kind, key) in seen:
                errors.append(f"{eid}: {kind} {key} listed twice")
            seen.add((kind, key))
            all_kind[kind] += 1
            if grade == 2:
                has2 = True
                grade2_kind[kind] += 1
                grade2_kind_course[course][kind] += 1
                if kind == "lesson":
                    lesson_hits[(course, key)] += 1
        if not has2:
            errors.append(f"{eid}: no grade-2 target")

    for c in courses:
        for key in sorted(content[c]["lesson"]):
            if lesson_hits[(c, key)] < MIN_LESSON_GRADE2:
                errors.append(f"lesson {c}/{key} is a grade-2 target only "
                              f"{lesson_hits[(c, key)]} time(s); need {MIN_LESSON_GRADE2}")

    # ------------------------------------------------------------ report
    print(f"gold set: {gold_path}")
    print(f"entries: {len(gold)}   targets: {sum(all_kind.values())}   "
          f"grade-2 targets: {sum(grade2_kind.values())}")
    print("\nper course:")
    for c in courses:
        k = grade2_kind_course[c]
        print(f"  {c:28} {per_course[c]:4} questions   grade-2 targets: "
              + ", ".join(f"{kind} {k[kind]}" for kind in KINDS))
    print("\ngrade-2 targets per kind: " + ", ".join(f"{k} {grade2_kind[k]}" for k in KINDS))
    print("all targets per kind:     " + ", ".join(f"{k} {all_kind[k]}" for k in KINDS))
    mins = min(lesson_hits[(c, k)] for c in courses for k in content[c]["lesson"])
    print(f"lessons: {sum(len(content[c]['lesson']) for c in courses)}, "
          f"each a grade-2 target at least {mins} times")

    if yaml and not errors:
        s = overlap_profile(gold, content)
        low = sum(1 for x in s if x < 0.5)
        high = sum(1 for x in s if x >= 0.8)
        print("\nlexical overlap of questions with their grade-2 passages "
              "(IDF-weighted share of question words found there; informational):")
        print(f"  < 0.5 (paraphrased):   {low:4} ({100 * low / len(s):.0f}%)")
        print(f"  >= 0.8 (keyword-heavy): {high:4} ({100 * high / len(s):.0f}%)")
        print(f"  median: {sorted(s)[len(s) // 2]:.2f}")

    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for m in errors:
            print("  - " + m)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
