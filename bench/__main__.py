"""Run the benchmarks: `python -m bench` (make bench) or `python -m bench --quick`.

Writes the results as JSON (machine, load averages, every figure) and prints a table; the
full run also refreshes the results section of bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench import incremental, ingestion, ivf, latency, serving
from bench.config import BenchConfig, full_config, quick_config, tiny_config
from bench.indexes import base_index, grown_index, questions
from bench.machine import REPO, load_average, machine_info
from bench.measure import rounded
from bench.report import machine_line, markdown_table, text_table
from ingest.embed import Embedder, make_embedder

SUITES = ("ingest", "incremental", "latency", "ivf", "serving")
README = REPO / "bench" / "README.md"
BEGIN, END = "<!-- results: begin -->", "<!-- results: end -->"
IVF_QUERIES = 400


def _log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _query_suites(
    config: BenchConfig, embedder: Embedder, suites: set[str], results: dict[str, Any]
) -> None:
    _log("base index (real documents, real model)")
    base_dir, results["base_index"] = base_index(config, embedder)
    asked = questions(config, config.questions)
    if "latency" in suites:
        _log(f"query latency at {', '.join(f'{s:,}' for s in config.latency_sizes)} clauses")
        results["latency"] = latency.run(config, base_dir, embedder, asked)
    if "ivf" in suites:
        size = max(config.latency_sizes)
        _log(f"IVF against exact search at {size:,} clauses")
        vectors = embedder.embed(questions(config, IVF_QUERIES))
        index_dir = grown_index(config, base_dir, size)
        results["ivf"] = ivf.run(index_dir, vectors, config.ivf_nlist_factors, config.ivf_nprobes)
    if "serving" in suites:
        _log(f"{config.serving_threads} simultaneous sessions at {config.serving_size:,} clauses")
        index_dir = grown_index(config, base_dir, config.serving_size)
        results["serving"] = serving.run(config, index_dir, asked)


def run_all(config: BenchConfig, suites: Sequence[str], command: str) -> dict[str, Any]:
    """Run the chosen suites; returns the results document."""
    started = time.perf_counter()
    results: dict[str, Any] = {"command": command, "mode": config.mode}
    results["load_before"] = load_average()
    config.work.mkdir(parents=True, exist_ok=True)
    embedder = make_embedder(config.model)
    embedder.embed(["warm-up"])  # model loading is not charged to any figure
    results["machine"] = machine_info(config.real_model)
    results["model"] = embedder.name
    results["repeats"] = config.repeats
    chosen = set(suites)
    if "ingest" in chosen:
        _log("ingestion: pipeline against the bare model")
        results["ingest"] = ingestion.run(config, embedder)
    if "incremental" in chosen:
        _log(f"incremental updates of a {config.incremental_docs}-document index")
        results["incremental"] = incremental.run(config, embedder)
    if chosen & {"latency", "ivf", "serving"}:
        _query_suites(config, embedder, chosen, results)
    results["load_after"] = load_average()
    results["seconds"] = rounded(time.perf_counter() - started, 1)
    results["finished_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return results


def write_results(results: dict[str, Any], path: Path) -> None:
    """Write the results file atomically."""
    tmp = path.with_name(f"{path.name}.tmp")
    tmp.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def update_readme(results: dict[str, Any], path: Path = README) -> None:
    """Replace the generated section of bench/README.md with these results."""
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    section = f"{BEGIN}\n{machine_line(results)}\n\n{markdown_table(results)}\n{END}"
    path.write_text(f"{head}{section}{tail}", encoding="utf-8")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, under two minutes")
    parser.add_argument("--only", default=",".join(SUITES), help="comma-separated suites")
    parser.add_argument("--out", type=Path, help="results file (default bench/results*.json)")
    parser.add_argument("--work", type=Path, default=REPO / "var" / "bench", help="scratch folder")
    parser.add_argument("--tiny", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point."""
    args = parse_args(argv)
    make = tiny_config if args.tiny else quick_config if args.quick else full_config
    config = make(args.work)
    suites = [s for s in args.only.split(",") if s]
    unknown = set(suites) - set(SUITES)
    if unknown:
        print(f"unknown suites: {sorted(unknown)}; choose from {', '.join(SUITES)}")
        return 2
    if config.data is None and config.mode != "tiny":
        print("../shared/data is missing: the benchmarks read real documents from it")
        return 2
    command = "python -m bench" + (" --quick" if args.quick else " --tiny" if args.tiny else "")
    if args.only != ",".join(SUITES):
        command += f" --only {args.only}"
    results = run_all(config, suites, command)
    default = "results.json" if config.mode == "full" else f"results-{config.mode}.json"
    out = args.out or REPO / "bench" / default
    write_results(results, out)
    print(text_table(results))
    print(f"\n{machine_line(results)}\nresults: {out}")
    if config.mode == "full" and set(suites) == set(SUITES) and README.exists():
        update_readme(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
