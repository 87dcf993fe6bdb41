#!/usr/bin/env python3
"""The ratio table of docs/BENCHMARKS.md from one side-by-side run.

    ../shared/yardsticks/side_by_side.sh build all | tee run.txt
    scripts/side_by_side_table.py run.txt        # Markdown table on stdout

Pairs each ProofScope kernel (bench_field_curve, bench_poly_msm) with mcl's figure for the
same operation from the same run and round, and prints ProofScope ÷ mcl per round. A
kernel one side does not print is left out; nothing is estimated.
"""
import re
import sys

# ProofScope's label → mcl's label (mcl_bench's output).
PAIRS = [
    ("Fr mul", "Fr::mul (dependent chain)"),
    ("Fr square", "Fr::sqr"),
    ("Fq mul", "Fp::mul (dependent chain)"),
    ("Fq square", "Fp::sqr"),
    ("Fq inverse", "Fp::inv"),
    ("Fq inverse_vartime", "Fp::inv"),
    ("G1 mixed add", "G1::add mixed (z2==1)"),
    ("G1 add", "G1::add jacobian (z1,z2!=1)"),
    ("G1 double", "G1::dbl jacobian"),
    ("G1 scalar mul", "G1::mul random Fr (GLV)"),
    ("G2 add", "G2::add jacobian"),
    ("G2 scalar mul", "G2::mul random Fr (GLV)"),
    ("pairing", "pairing (e(P,Q))"),
    ("Miller loop", "millerLoop"),
    ("final exp", "finalExp"),
]
UNIT_NS = {"ns": 1.0, "us": 1e3, "µs": 1e3, "ms": 1e6}


def parse(lines):
    """Per round: {'mcl': {label: ns}, 'ours': {label: ns}}; MSM: {(logn, threads): {...}}."""
    rounds, msm = {}, {}
    side, rnd = None, None
    for line in lines:
        m = re.match(r"== round (\d+): (mcl|ProofScope)", line)
        if m:
            rnd, side = int(m.group(1)), ("mcl" if m.group(2) == "mcl" else "ours")
            rounds.setdefault(rnd, {"mcl": {}, "ours": {}})
            continue
        if line.startswith("== MSM"):
            side = "msm"
        m = re.match(r"G1 MSM n=2\^(\d+) threads=(\d+)\s+median\s+([\d.]+) ms", line)
        if m:
            msm.setdefault((int(m.group(1)), int(m.group(2))), {})["mcl"] = float(m.group(3))
            continue
        m = re.match(r"msm\s+2\^(\d+)\s+threads=(\d+)\s+wall\s+([\d.]+) ms", line)
        if m:
            msm.setdefault((int(m.group(1)), int(m.group(2))), {})["ours"] = float(m.group(3))
            continue
        if side == "mcl" and rnd:
            m = re.match(r"(.+?)\s+median\s+([\d.]+) (ns|us|ms)", line)
            if m:
                rounds[rnd]["mcl"][m.group(1).strip()] = float(m.group(2)) * UNIT_NS[m.group(3)]
        elif side == "ours" and rnd:
            # "pairing   0.683 ms  (Miller loop 0.258 ms, final exp 0.400 ms)"
            m = re.match(r"([A-Za-z0-9_ ]+?)\s+([\d.]+)\s*(ns|us|µs|ms)\b(.*)", line)
            if m:
                rounds[rnd]["ours"][m.group(1).strip()] = float(m.group(2)) * UNIT_NS[m.group(3)]
                for sub in re.finditer(r"(Miller loop|final exp) ([\d.]+) (ns|us|ms)", m.group(4)):
                    rounds[rnd]["ours"][sub.group(1)] = float(sub.group(2)) * UNIT_NS[sub.group(3)]
    return rounds, msm


def fmt(ns):
    for unit, scale in (("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def main():
    lines = open(sys.argv[1]).read().splitlines() if len(sys.argv) > 1 else sys.stdin.read().splitlines()
    rounds, msm = parse(lines)
    cpu = next((l.split(":", 1)[1].strip() for l in lines if l.startswith("model name")), "unknown CPU")
    order = sorted(rounds)
    print(f"CPU: {cpu}\n")
    head = " | ".join(f"round {r}: mcl / ProofScope / ratio" for r in order)
    print(f"| kernel | {head} |")
    print("|---|" + "---|" * len(order))
    for ours, theirs in PAIRS:
        cells = []
        for r in order:
            a, b = rounds[r]["mcl"].get(theirs), rounds[r]["ours"].get(ours)
            cells.append(f"{fmt(a)} / {fmt(b)} / **{b / a:.2f}×**" if a and b else None)
        if any(cells):
            print(f"| {ours} | " + " | ".join(c or "—" for c in cells) + " |")
    if msm:
        print("\n| MSM | mcl | ProofScope | ratio |\n|---|---|---|---|")
        for (logn, threads), v in sorted(msm.items()):
            if "mcl" in v and "ours" in v:
                print(f"| 2^{logn}, {threads} thread{'s' if threads > 1 else ''} | {v['mcl']:.1f} ms | "
                      f"{v['ours']:.1f} ms | **{v['ours'] / v['mcl']:.2f}×** |")


if __name__ == "__main__":
    main()
