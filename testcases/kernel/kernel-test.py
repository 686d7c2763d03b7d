#!/usr/bin/env python3
"""Run pagelife over a prepared Linux tree (scripts/prepare-kernel).

  kernel-test.py tree   --pagelife PATH [--tree T | --kdir DIR] [-j N]
                        [--require FILE:LINE:CHECK ...] [--sample N] [--speedups]
      pagelife -p KDIR -j N --stats --no-prefilter --no-cache over every TU of
      KDIR/compile_commands.json (--sample N: over N of them, the --require
      files first, the rest spread evenly over the sorted paths).
      Fails on a crash (signal, sanitizer report), exit status 2, a stderr
      line saying a TU could not be analysed / an internal error / "error:",
      fewer TUs analysed than were given, or a --require finding missing.
      Findings (exit status 1) are fine: they are printed per check.
      --speedups: then run again with the prefilter and an empty result cache
      (cold), and once more (warm): both must print exactly the first run's
      findings, and warm must reuse every TU cold analysed.

  kernel-test.py kbuild --pagelife PATH [--kdir DIR] [--dir drivers/dma-buf/]
      make LLVM=-19 C=2 CHECK=PATH DIR in the tree, the way kernel developers
      run sparse.  Fails if make fails, pagelife crashed, or no file was
      checked.

Exit status 77 (ctest SKIP_RETURN_CODE) when the tree is not prepared, so a
machine without it passes.  The tree is --kdir, else the environment variable
of --tree (see TREES), else ~/.cache/pagelife/linux-TREE.
"""

import argparse
import collections
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 77

# A warning line: "path:line:col: warning: message [check-id]".
WARNING_RE = re.compile(r"^(?P<loc>[^:\s]+:\d+:\d+): warning: .*\[(?P<check>[A-Za-z0-9_.-]+)\]\s*$")
# --stats lines on stderr.
STATS_TUS_RE = re.compile(r"^pagelife: (?P<tus>\d+) TUs?, (?P<ok>\d+) analy[sz]ed, (?P<failed>\d+) failed")
STATS_CHECK_RE = re.compile(r"^pagelife: (?P<check>[a-z][a-z0-9-]*): (?P<n>\d+)\s*$")
# What must never appear on stderr.
BAD_STDERR = ("internal error", "could not be analysed", "could not be analyzed", "error:")
CRASH_MARKERS = ("AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer",
                 "runtime error:", "Segmentation fault", "core dumped", "Aborted",
                 "stack-buffer-overflow", "heap-use-after-free", "internal error")


# The trees scripts/prepare-kernel makes: name -> the variable that moves it.
TREES = {
    "6.1": "PAGELIFE_KERNEL_DIR",
    "6.12": "PAGELIFE_KERNEL_612_DIR",
    "6.1-gcc": "PAGELIFE_KERNEL_GCC_DIR",
}


def kernel_dir(arg, tree="6.1"):
    if arg:
        return arg
    return os.environ.get(TREES[tree]) or \
        os.path.join(os.path.expanduser("~"), ".cache", "pagelife", "linux-" + tree)


def missing_required(stdout, required):
    """The FILE:LINE:CHECK of `required` that no warning line reports."""
    seen = set()
    for line in stdout.splitlines():
        m = WARNING_RE.match(line)
        if m:
            path, lineno, _col = m.group("loc").rsplit(":", 2)
            seen.add((path, lineno, m.group("check")))
    missing = []
    for req in required:
        path, lineno, check = req.rsplit(":", 2)
        if not any(p.endswith("/" + path) or p == path
                   for p, l, c in seen if l == lineno and c == check):
            missing.append(req)
    return missing


def describe_status(rc):
    if rc < 0:
        try:
            return "killed by signal %s" % signal.Signals(-rc).name
        except ValueError:
            return "killed by signal %d" % -rc
    if rc > 128:
        return "exit status %d (signal %d in a shell?)" % (rc, rc - 128)
    return "exit status %d" % rc


def load_db(kdir):
    with open(os.path.join(kdir, "compile_commands.json")) as f:
        return json.load(f)


def tu_path(entry):
    return os.path.normpath(os.path.join(entry["directory"], entry["file"]))


def crash_lines(text):
    return [l for l in text.splitlines() if any(m in l for m in CRASH_MARKERS)]


def count_warnings(stdout):
    per_check = collections.Counter()
    for line in stdout.splitlines():
        m = WARNING_RE.match(line)
        if m:
            per_check[m.group("check")] += 1
    return per_check


def save(outdir, name, text):
    if not outdir:
        return None
    os.makedirs(outdir, exist_ok=True)
    path = os.path.join(outdir, name)
    with open(path, "w", errors="replace") as f:
        f.write(text)
    return path


def run(cmd, **kw):
    print("+ " + " ".join(shlex.quote(c) for c in cmd), flush=True)
    t0 = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       errors="replace", **kw)
    return p, time.monotonic() - t0


def sample_tus(tus, n, required):
    """n of tus: the files of the required findings first, then the others
    spread evenly over the sorted paths (the same choice every run)."""
    if not n or n >= len(tus):
        return tus
    want = [r.rsplit(":", 2)[0] for r in required]
    chosen = [t for t in tus if any(t.endswith("/" + w) for w in want)][:n]
    rest = sorted(t for t in tus if t not in chosen)
    step = len(rest) / (n - len(chosen)) if n > len(chosen) else 0
    chosen += [rest[int(i * step)] for i in range(n - len(chosen))]
    return sorted(chosen)


def stat_count(stderr, what):
    m = re.search(r"^pagelife: (\d+) TUs %s" % what, stderr, re.M)
    return int(m.group(1)) if m else None


def check_speedups(pagelife, kdir, jobs, files, ref_stdout):
    """No finding lost to the prefilter or the result cache: a cold run (the
    prefilter, an empty cache) and a warm one print the reference's lines."""
    failures = []
    with tempfile.TemporaryDirectory(prefix="pagelife-speedups-") as cache:
        common = [pagelife, "-p", kdir, "-j", str(jobs), "--stats", "--cache-dir=" + cache] + files
        cold, cold_secs = run(common)
        warm, warm_secs = run(common)
    print("speedups: cold %.1fs, warm %.1fs" % (cold_secs, warm_secs))
    ref_lines = ref_stdout.splitlines()
    for name, p in (("prefiltered cold", cold), ("warm cached", warm)):
        if p.returncode not in (0, 1):
            failures.append("%s run: %s: %s" % (name, describe_status(p.returncode), p.stderr[-2000:]))
            continue
        lines = p.stdout.splitlines()
        if lines != ref_lines:
            lost = [l for l in ref_lines if l not in lines]
            extra = [l for l in lines if l not in ref_lines]
            failures.append("%s run differs from --no-prefilter --no-cache: %d lost, %d extra, e.g. %s"
                            % (name, len(lost), len(extra), (lost or extra or ["(order)"])[0][:300]))
    skipped = stat_count(cold.stderr, "skipped by the prefilter")
    analysed = None  # the TUs the cold run analysed
    for line in cold.stderr.splitlines():
        m = STATS_TUS_RE.match(line)
        if m:
            analysed = int(m.group("tus"))
    reused = stat_count(warm.stderr, "reused from the cache")
    print("speedups: prefilter skipped %s TUs; warm run reused %s of the %s cold analysed"
          % (skipped, reused, analysed))
    if skipped is None or reused is None:
        failures.append("no --stats line for the prefilter or the cache")
    elif analysed is not None and reused != analysed:
        failures.append("warm run reused %d TUs, cold analysed %d" % (reused, analysed))
    return failures


def locate_crashes(pagelife, kdir, tus, limit=5):
    """Re-run pagelife one TU at a time to name the TUs that crash it."""
    print("locating the crashing TU(s): re-running pagelife one TU at a time...", flush=True)
    found = []
    for tu in tus:
        p = subprocess.run([pagelife, "-p", kdir, "-j", "1", tu], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, errors="replace")
        bad = [l for l in p.stderr.splitlines()
               if any(b in l for b in BAD_STDERR)] + crash_lines(p.stderr)
        if p.returncode < 0 or p.returncode == 2 or p.returncode > 128 or bad:
            found.append(tu)
            print("  CRASH/ERROR in %s: %s" % (tu, describe_status(p.returncode)))
            for l in p.stderr.splitlines()[-25:]:
                print("    | " + l)
            if len(found) >= limit:
                print("  (stopping after %d)" % limit)
                break
    if not found:
        print("  no single TU reproduces it (a -j / ordering problem?)")
    return found


def cmd_tree(args):
    kdir = kernel_dir(args.kdir, args.tree)
    if not os.path.isfile(os.path.join(kdir, "compile_commands.json")):
        print("SKIP: no prepared %s tree at %s (run scripts/prepare-kernel)" % (args.tree, kdir))
        return SKIP
    db = load_db(kdir)
    # pagelife analyses the C files; the database also lists assembly
    # (6.12: arch/x86/kvm/vmx/vmenter.S), which it leaves out, as sparse does.
    all_tus = [tu_path(e) for e in db if e["file"].endswith(".c")]
    print("kernel tree %s: %d C TUs in compile_commands.json (%d entries)" % (kdir, len(all_tus), len(db)))
    tus = sample_tus(all_tus, args.sample, args.require)
    files = tus if len(tus) < len(all_tus) else []
    if files:
        print("a sample of %d TUs (--sample)" % len(tus))

    # every TU parsed and analysed: neither the prefilter nor the cache
    p, secs = run([args.pagelife, "-p", kdir, "-j", str(args.jobs), "--stats", "--no-prefilter", "--no-cache"]
                  + files)
    out = save(args.outdir, "kernel-tree.stdout", p.stdout)
    save(args.outdir, "kernel-tree.stderr", p.stderr)
    print("pagelife: %s after %.1fs" % (describe_status(p.returncode), secs))

    failures = []
    stats = None
    stats_checks = collections.Counter()
    bad_lines = []
    for line in p.stderr.splitlines():
        m = STATS_TUS_RE.match(line)
        if m:
            stats = {k: int(v) for k, v in m.groupdict().items()}
            continue
        m = STATS_CHECK_RE.match(line)
        if m:
            stats_checks[m.group("check")] += int(m.group("n"))
            continue
        if any(b in line for b in BAD_STDERR):
            bad_lines.append(line)
    crashes = crash_lines(p.stderr)

    if p.returncode < 0 or p.returncode > 128:
        failures.append("pagelife crashed: " + describe_status(p.returncode))
    elif p.returncode == 2:
        failures.append("pagelife exit status 2 (usage/input error or a TU not analysed)")
    elif p.returncode not in (0, 1):
        failures.append("unexpected " + describe_status(p.returncode))
    if crashes:
        failures.append("crash/sanitizer reports on stderr (%d lines)" % len(crashes))
    if bad_lines:
        failures.append("%d stderr line(s) with an error" % len(bad_lines))
    if stats and stats["failed"]:
        failures.append("--stats says %d TU(s) failed" % stats["failed"])
    if stats and stats["tus"] != len(tus):
        failures.append("--stats counts %d TUs, %d were given" % (stats["tus"], len(tus)))
    if stats and stats["ok"] != len(tus):
        failures.append("--stats says %d of %d TUs analysed" % (stats["ok"], len(tus)))
    if not stats:
        failures.append("no '--stats' TU line on stderr")
    missing = missing_required(p.stdout, args.require)
    if missing:
        failures.append("required finding(s) missing: " + ", ".join(missing))

    warnings = count_warnings(p.stdout)
    print()
    print("TUs: %d in the database" % len(tus), end="")
    if stats:
        print(", pagelife --stats: %d TUs, %d analysed, %d failed"
              % (stats["tus"], stats["ok"], stats["failed"]))
    else:
        print(" (no '--stats' TU line on stderr)")
    checks = sorted(set(warnings) | set(stats_checks))
    print("findings per check (warning lines on stdout%s):"
          % (" / --stats" if stats_checks else ""))
    for c in checks:
        extra = (" / %d" % stats_checks[c]) if stats_checks else ""
        print("  %-28s %5d%s" % (c, warnings[c], extra))
    print("  %-28s %5d" % ("total", sum(warnings.values())))
    if out:
        print("full output: %s (+ .stderr)" % out)

    if bad_lines or crashes:
        print("\nstderr errors (first 40):")
        for l in (crashes + bad_lines)[:40]:
            print("  " + l)
    if failures:
        print("\nFAIL: " + "; ".join(failures))
        if p.returncode < 0 or p.returncode > 128 or crashes:
            if not args.no_locate:
                locate_crashes(args.pagelife, kdir, tus)
        else:
            print("stderr tail:")
            for l in p.stderr.splitlines()[-20:]:
                print("  | " + l)
        return 1
    if args.speedups:
        failures = check_speedups(args.pagelife, kdir, args.jobs, files, p.stdout)
        if failures:
            print("\nFAIL: " + "; ".join(failures))
            return 1
    print("\nPASS: %d TUs analysed, no crash, no analysis error%s"
          % (len(tus), "; no finding lost to the prefilter or the cache" if args.speedups else ""))
    return 0


def cmd_kbuild(args):
    kdir = kernel_dir(args.kdir, args.tree)
    if not os.path.isfile(os.path.join(kdir, "compile_commands.json")):
        print("SKIP: no prepared %s tree at %s (run scripts/prepare-kernel)" % (args.tree, kdir))
        return SKIP
    subdir = args.dir.rstrip("/") + "/"
    if not os.path.isdir(os.path.join(kdir, subdir)):
        print("FAIL: %s has no directory %s" % (kdir, subdir))
        return 1
    expected = sum(1 for e in load_db(kdir)
                   if tu_path(e).startswith(os.path.join(os.path.realpath(kdir), subdir)))

    pagelife = os.path.abspath(args.pagelife)
    # An empty --llvm is a GCC-built tree: plain make, as it was prepared.
    llvm = ["LLVM=" + args.llvm] if args.llvm else []
    cmd = ["make", "-C", kdir] + llvm + ["C=2", "CHECK=" + pagelife,
                                         "-j%d" % args.jobs, subdir]
    p, secs = run(cmd)
    output = p.stdout + p.stderr
    save(args.outdir, "kernel-kbuild.log", "$ %s\n%s\n--- stderr ---\n%s"
         % (" ".join(cmd), p.stdout, p.stderr))

    checked_all = re.findall(r"^\s*CHECK\s+(\S+\.c)\s*$", p.stdout, re.M)
    checked = [f for f in checked_all if f.startswith(subdir)]
    warnings = count_warnings(output)
    crashes = crash_lines(output)
    failures = []
    if p.returncode != 0:
        failures.append("make failed: " + describe_status(p.returncode))
    if crashes:
        failures.append("pagelife crashed (%d report lines)" % len(crashes))
    if not checked:
        failures.append("no 'CHECK %s...' line: pagelife was not run on %s" % (subdir, subdir))
    compiled = re.findall(r"^\s*CC\s+(\S+\.o)\s*$", p.stdout, re.M)

    print("make: %s after %.1fs" % (describe_status(p.returncode), secs))
    print("files checked (CHECK lines): %d in %s (TUs there in compile_commands.json: %d), "
          "%d in all" % (len(checked), subdir, expected, len(checked_all)))
    if compiled:
        print("note: make also recompiled %d object(s) (tree not up to date?)" % len(compiled))
    print("findings per check:")
    for c in sorted(warnings):
        print("  %-28s %5d" % (c, warnings[c]))
    print("  %-28s %5d" % ("total", sum(warnings.values())))
    if failures:
        print("\nFAIL: " + "; ".join(failures))
        for l in crashes[:40]:
            print("  " + l)
        print("make output tail:")
        for l in output.splitlines()[-40:]:
            print("  | " + l)
        return 1
    print("\nPASS: kbuild ran pagelife on %d file(s) of %s" % (len(checked), subdir))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="mode", required=True)
    for name in ("tree", "kbuild"):
        sp = sub.add_parser(name)
        sp.add_argument("--pagelife", required=True, help="the pagelife binary")
        sp.add_argument("--tree", choices=sorted(TREES), default="6.1",
                        help="which prepared tree: its variable (%s) or "
                        "~/.cache/pagelife/linux-TREE" % ", ".join(
                            "%s for %s" % (v, t) for t, v in TREES.items()))
        sp.add_argument("--kdir", help="the prepared tree (overrides --tree)")
        sp.add_argument("-j", "--jobs", type=int,
                        default=int(os.environ.get("PAGELIFE_KERNEL_JOBS", "2")))
        sp.add_argument("--outdir", help="save the full output here")
    sub.choices["tree"].add_argument("--require", action="append", default=[],
                                     metavar="FILE:LINE:CHECK",
                                     help="a finding that must be reported (repeatable)")
    sub.choices["tree"].add_argument("--sample", type=int, default=0, metavar="N",
                                     help="analyse N TUs of the database, not all")
    sub.choices["tree"].add_argument("--speedups", action="store_true",
                                     help="then check the prefilter and the result cache")
    sub.choices["tree"].add_argument("--no-locate", action="store_true",
                                     help="on a crash, do not re-run TU by TU to find it")
    sub.choices["kbuild"].add_argument("--dir", default="drivers/dma-buf/",
                                       help="the directory to build with C=2")
    sub.choices["kbuild"].add_argument("--llvm", default=os.environ.get("PAGELIFE_LLVM", "-19"),
                                       help="the LLVM= value the tree was prepared with "
                                       "(empty: a GCC-built tree, no LLVM=)")
    args = ap.parse_args()
    if not os.access(args.pagelife, os.X_OK):
        print("FAIL: pagelife binary %s is not executable" % args.pagelife)
        return 1
    return cmd_tree(args) if args.mode == "tree" else cmd_kbuild(args)


if __name__ == "__main__":
    sys.exit(main())
