#!/usr/bin/env python3
"""The Python + Jinja2 baseline for docs/performance.md: what a short script
would do instead of bigan, on the same files.

For every profile (`*.yaml` in the folders given, not those another file
`extends`) it loads the YAML (PyYAML, with the C loader when installed),
merges the file it extends, builds the values the templates use, renders
the benchmark stand-in speech (benches/templates/speech, the same template
text `bigan render --templates benches/templates` renders) with Jinja2,
and writes `OUT/NAME.speech.md`. It does not validate, locate errors,
guard edits or sync anything to disk: it is the floor a script gets to,
not a replacement.

    pip install jinja2 pyyaml
    python3 benches/baseline/render.py PROFILES_DIR -o OUT
    python3 benches/baseline/render.py profiles/hospital.yaml   # to stdout
"""

import argparse
import datetime as dt
import os
import sys

import jinja2
import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    Loader = yaml.SafeLoader

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, "..", "templates")

NUMERALS = "零一二三四五六七八九十"


def cn_num(n):
    n = int(n)
    if n <= 10:
        return NUMERALS[n]
    if n < 20:
        return "十" + NUMERALS[n - 10]
    return NUMERALS[n // 10] + "十" + (NUMERALS[n % 10] if n % 10 else "")


def marker(n, level=None, style=None):
    if style == "di":
        return "第%s，" % cn_num(n)
    if level == 2:
        return "（%s）" % cn_num(n)
    return "%s、" % cn_num(n)


def bare(text):
    return str(text).rstrip("。；，")


def default(*args, **kw):
    """Tera's `default(value=…)`: the fallback is named `value` there."""
    given = args[0]
    fallback = kw.get("value", args[1] if len(args) > 1 else "")
    return fallback if given is None or isinstance(given, jinja2.Undefined) else given


def cn_date(d):
    return "%d年%d月%d日" % (d.year, d.month, d.day)


def phase_span(phase, at=None):
    start, end = phase.get("from"), phase.get("to")
    if end is None:
        return "%s起" % cn_date(start)
    return "%s至%s" % (cn_date(start), cn_date(end))


class TeraLike(jinja2.Environment):
    """`a.b` reads the key `b` first, as in Tera (`item.items` is a list in
    the profile, not the dict method)."""

    def getattr(self, obj, attribute):
        if isinstance(obj, dict):
            if attribute in obj:
                return obj[attribute]
            return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def merge(top, base):
    """The profile over what it extends, mappings merged key by key."""
    out = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(value, out[key])
        else:
            out[key] = value
    return out


def load(path, cache):
    with open(path, encoding="utf-8") as f:
        data = yaml.load(f, Loader=Loader) or {}
    base = data.pop("extends", None)
    if base:
        base_path = os.path.normpath(os.path.join(os.path.dirname(path), base))
        if base_path not in cache:
            cache[base_path] = load(base_path, cache)
        data = merge(data, cache[base_path])
    return data


def view(p):
    """The values the stand-in templates read, with bigan's defaults."""
    org = dict(p.get("org", {}))
    org.setdefault("short", org.get("name", ""))
    org.setdefault("staff", "全体干部职工")
    org.setdefault("superior", "上级")
    org.setdefault("units", "各科室")
    camp = dict(p.get("campaign", {}))
    camp.setdefault("full_name", camp.get("name", ""))
    camp.setdefault("goals", [])
    camp.setdefault("theme", [])
    camp.setdefault("standards", [])
    camp.setdefault("milestones", [])
    phases = camp.get("phases", [])
    if phases:
        camp["span_written"] = phase_span(
            {"from": phases[0].get("from"), "to": phases[-1].get("to")}
        )
    meeting = dict(p.get("meeting", {}))
    date = meeting.get("date")
    if isinstance(date, dt.date):
        meeting["date_iso"] = date.isoformat()
        meeting["date"] = cn_date(date)
    meeting.setdefault("speaker", {})
    # The speech has at least three parts, as bigan's view gives them.
    points = list(p.get("points") or [])
    points += [{}] * (3 - len(points))
    return {"org": org, "campaign": camp, "meeting": meeting, "points": points}


def profiles(paths):
    found = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [
                    os.path.join(root, f)
                    for f in sorted(files)
                    if f.endswith((".yaml", ".yml")) and not f.startswith(".")
                ]
        else:
            found.append(path)
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("profiles", nargs="+")
    ap.add_argument("-o", "--output")
    args = ap.parse_args()

    env = TeraLike(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False, keep_trailing_newline=True
    )
    env.filters.update(
        cn_num=cn_num, marker=marker, bare=bare, default=default, phase_span=phase_span
    )
    template = env.get_template("speech/base.md")

    cache = {}
    files = profiles(args.profiles)
    loaded = [(f, load(f, cache)) for f in files]
    # Files another one extends are shared campaign files, not profiles.
    loaded = [(f, p) for f, p in loaded if os.path.normpath(f) not in cache]
    if args.output:
        os.makedirs(args.output, exist_ok=True)
    for path, profile in loaded:
        text = template.render(**view(profile))
        if not args.output:
            sys.stdout.write(text)
            continue
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(os.path.join(args.output, stem + ".speech.md"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
