#!/usr/bin/env python3
"""speedups-test.py --pagelife PATH [--kdir DIR]: no finding lost to the
prefilter or the result cache, on every prepared kernel tree.

For each tree (--kdir, else $PAGELIFE_KERNEL_DIR or ~/.cache/pagelife/
linux-6.1, plus every other ~/.cache/pagelife/linux-* holding a
compile_commands.json):

  reference  pagelife -p KDIR --no-prefilter --no-cache --format=json
  cold       pagelife -p KDIR --cache-dir=EMPTY --format=json --stats
  warm       the same again

cold and warm must print exactly the reference's lines; warm must reuse
every TU cold analysed.  Exit 77 (skip) when no tree is prepared.
"""
import argparse
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time

SKIP = 77


def trees(kdir):
    base = os.path.join(os.path.expanduser("~"), ".cache", "pagelife")
    first = kdir or os.environ.get("PAGELIFE_KERNEL_DIR") or os.path.join(base, "linux-6.1")
    found = [first] + sorted(glob.glob(os.path.join(base, "linux-*")))
    out = []
    for t in found:
        if os.path.isfile(os.path.join(t, "compile_commands.json")) and os.path.realpath(t) not in map(
                os.path.realpath, out):
            out.append(t)
    return out


def run(cmd):
    print("+ " + " ".join(shlex.quote(c) for c in cmd), flush=True)
    t0 = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    print("  exit %d after %.1fs" % (p.returncode, time.monotonic() - t0), flush=True)
    return p


def stat(stderr, what):
    m = re.search(r"^pagelife: (\d+) TUs %s" % what, stderr, re.M)
    return int(m.group(1)) if m else None


def check_tree(pagelife, kdir, jobs):
    failures = []
    with tempfile.TemporaryDirectory(prefix="pagelife-speedups-") as cache:
        common = [pagelife, "-p", kdir, "-j", str(jobs), "--format=json", "--stats"]
        ref = run(common + ["--no-prefilter", "--no-cache"])
        cold = run(common + ["--cache-dir=" + cache])
        warm = run(common + ["--cache-dir=" + cache])
    for name, p in (("reference", ref), ("cold", cold), ("warm", warm)):
        if p.returncode not in (0, 1):
            failures.append("%s run: exit status %d: %s" % (name, p.returncode, p.stderr[-2000:]))
    if failures:
        return failures
    ref_lines = ref.stdout.splitlines()
    for name, p in (("prefiltered cold", cold), ("warm cached", warm)):
        lines = p.stdout.splitlines()
        if lines != ref_lines:
            lost = [l for l in ref_lines if l not in lines]
            extra = [l for l in lines if l not in ref_lines]
            failures.append("%s run differs from --no-prefilter --no-cache: %d lost, %d extra, e.g. %s"
                            % (name, len(lost), len(extra), (lost or extra or ["(order)"])[0][:300]))
    skipped = stat(cold.stderr, "skipped by the prefilter")
    m = re.search(r"^pagelife: (\d+) TUs, ", cold.stderr, re.M)  # the TUs the cold run analysed
    analysed = int(m.group(1)) if m else None
    reused = stat(warm.stderr, "reused from the cache")
    print("%s: %d findings; prefilter skipped %s TUs; warm run reused %s of %s TUs"
          % (kdir, len(ref_lines), skipped, reused, analysed))
    if skipped is None or reused is None:
        failures.append("no --stats line for the prefilter or the cache")
    elif analysed is not None and reused != analysed:
        failures.append("warm run reused %d TUs, cold analysed %d" % (reused, analysed))
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pagelife", required=True)
    ap.add_argument("--kdir")
    ap.add_argument("-j", "--jobs", type=int, default=int(os.environ.get("PAGELIFE_KERNEL_JOBS", "2")))
    args = ap.parse_args()
    ts = trees(args.kdir)
    if not ts:
        print("SKIP: no prepared kernel tree (run scripts/prepare-kernel)")
        return SKIP
    failures = []
    for t in ts:
        failures += ["%s: %s" % (t, f) for f in check_tree(args.pagelife, t, args.jobs)]
    if failures:
        print("FAIL:\n  " + "\n  ".join(failures))
        return 1
    print("PASS: no finding lost to the prefilter or the cache on %d tree(s)" % len(ts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
