"""The results as rows (figure, value, target, verdict): a terminal table and Markdown."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Row = tuple[str, str, str, str]


def _verdict(ok: bool | None) -> str:
    return "" if ok is None else ("yes" if ok else "NO")


def ingest_rows(section: dict[str, Any]) -> Iterator[Row]:
    """Pipeline against bare-model throughput, per corpus."""
    for name, case in section["cases"].items():
        pipe, model = case["pipeline"], case["model"]
        size = f"{case['corpus']['text_mb']} MB, {case['distinct_texts']} clauses"
        yield (
            f"ingest {name} ({size}): pipeline / model",
            f"{pipe['texts_per_s']} / {model['texts_per_s']} clauses/s = {case['ratio']}",
            f">= {section['target_ratio']}",
            _verdict(case["ratio"] >= section["target_ratio"]),
        )
        yield (
            f"ingest {name}: time to publish, peak RSS (tree)",
            f"{pipe['seconds']} s, {pipe['peak_rss_mb']:.0f} MiB",
            "",
            "",
        )
        if "ratio_256" in case:
            yield (
                f"ingest {name}: pipeline with 256-text windows (before)",
                f"{case['pipeline_256']['texts_per_s']} clauses/s = {case['ratio_256']}",
                "(diagnosis)",
                "",
            )
            pads = case["padded_over_useful_tokens"]
            yield (
                f"ingest {name}: padded/useful tokens, windows 256 / {case['pipeline_window']}"
                " / all",
                " / ".join(str(v) for v in pads.values()),
                "(diagnosis)",
                "",
            )


def incremental_rows(section: dict[str, Any]) -> Iterator[Row]:
    """Full build, one change, one deletion."""
    share = section["change_share_of_build"]
    yield (
        f"update: full build of {section['documents']} documents ({section['clauses']} clauses)",
        f"{section['full_build_s']} s",
        "",
        "",
    )
    yield (
        "update: change 1 document",
        f"{section['change_one_s']} s = {share * 100:.1f}% of a full build",
        "a few %",
        _verdict(share <= 0.05),
    )
    yield (
        "update: delete 1 document",
        f"{section['delete_one_s']} s",
        "< 1 s",
        _verdict(section["delete_one_s"] < 1.0),
    )


def latency_rows(section: dict[str, Any]) -> Iterator[Row]:
    """Median and p95 of `Engine.ask` per size, and where the time goes."""
    targets = {int(k): v for k, v in section["p95_targets_ms"].items()}
    for size, figures in section["sizes"].items():
        target = targets.get(int(size))
        kind = figures["vector_index"].get("type")
        yield (
            f"ask() at {int(size):,} clauses ({kind}): median / p95",
            f"{figures['median_ms']} / {figures['p95_ms']} ms",
            f"p95 <= {target:g} ms" if target else "",
            _verdict(figures["p95_ms"] <= target) if target else "",
        )
        yield (
            f"ask() at {int(size):,}, sentence vectors cached: median / p95",
            f"{figures['warm_median_ms']} / {figures['warm_p95_ms']} ms",
            "",
            "",
        )
        yield (
            f"ask() at {int(size):,}: embed / search / highlight / conflicts (median)",
            f"{figures['embed_ms']} / {figures['search_ms']} / {figures['highlight_ms']} / "
            f"{figures['conflicts_ms']} ms (dense {figures['dense_ms']}, "
            f"BM25 {figures['bm25_ms']})",
            "",
            "",
        )
        yield (
            f"engine at {int(size):,}: load time, memory",
            f"{figures['engine_load_s']} s, {figures['engine_rss_mb']:.0f} MiB",
            "",
            "",
        )


def ivf_rows(section: dict[str, Any]) -> Iterator[Row]:
    """Recall of IVF against exact search and what the index costs."""
    best = section.get("fastest_meeting_target")
    size = f"{section['clauses']:,}"
    yield (f"exact search at {size}", f"{section['exact_ms']} ms/query", "", "")
    for setting in section["settings"]:
        yield (
            f"IVF nlist={setting['nlist']} nprobe={setting['nprobe']} at {size}",
            f"recall@10 {setting['recall_at_10']}, {setting['ms_per_query']} ms/query",
            ">= 0.98",
            _verdict(setting["recall_at_10"] >= section["recall_target"]),
        )
    if best:
        yield (
            "IVF: fastest setting with recall >= 0.98",
            f"nlist={best['nlist']} nprobe={best['nprobe']}",
            "",
            "",
        )
    load = section["load"]
    yield (
        f"vector index as published ({load['type']}): load, memory per 1M clauses",
        f"{load['load_s_per_million']} s, {load['rss_mb_per_million']:.0f} MiB",
        "",
        "",
    )


def serving_rows(section: dict[str, Any]) -> Iterator[Row]:
    """Simultaneous sessions."""
    yield (
        f"{section['sessions']} simultaneous sessions at {section['clauses']:,} clauses",
        f"{section['questions_per_s']} questions/s, median {section['median_ms']} ms, "
        f"p95 {section['p95_ms']} ms",
        "",
        "",
    )
    yield ("sessions: errors", str(section["errors"]), "0", _verdict(section["errors"] == 0))
    yield (
        "sessions: RSS before -> after each wave",
        f"{section['rss_before_mb']:.0f} -> "
        + ", ".join(f"{v:.0f}" for v in section["rss_after_waves_mb"])
        + " MiB",
        "flat",
        "",
    )
    yield (
        "sessions: memory, median of the last 5 waves against the first 5",
        f"{section['rss_trend_mb']:+.0f} MiB ({section['rss_trend_share'] * 100:+.1f}%)",
        "<= +2%",
        _verdict(section["rss_trend_share"] <= 0.02),
    )


SECTIONS = {
    "ingest": ingest_rows,
    "incremental": incremental_rows,
    "latency": latency_rows,
    "ivf": ivf_rows,
    "serving": serving_rows,
}


def rows(results: dict[str, Any]) -> list[Row]:
    """Every row of every section present in the results."""
    out: list[Row] = []
    for name, make in SECTIONS.items():
        if name in results:
            out.extend(make(results[name]))
    return out


def text_table(results: dict[str, Any]) -> str:
    """A plain-text table for the terminal."""
    table = [("figure", "value", "target", "met"), *rows(results)]
    widths = [max(len(r[i]) for r in table) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def markdown_table(results: dict[str, Any]) -> str:
    """The same rows as a Markdown table."""
    lines = ["| figure | value | target | met |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows(results)]
    return "\n".join(lines)


def machine_line(results: dict[str, Any]) -> str:
    """One line saying where and when the figures were measured."""
    m = results["machine"]
    before, after = results["load_before"], results["load_after"]
    return (
        f"{m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM, Python {m['python']}, "
        f"torch threads {m['torch_threads']}{_bfloat16(m.get('native_bfloat16'))}; "
        f"{m['date']}, commit {m['commit'][:10]}"
        f"{' (with local changes)' if m.get('dirty') else ''}; load average before "
        f"{before[0]}/{before[1]}/{before[2]}, after {after[0]}/{after[1]}/{after[2]}; "
        f"`{results['command']}` took {results['seconds'] / 60:.1f} min"
    )


def _bfloat16(native: bool | None) -> str:
    if native is None:
        return ""
    return ", native bfloat16" if native else ", no native bfloat16"
