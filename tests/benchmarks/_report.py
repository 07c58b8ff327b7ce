"""Printing benchmark figures in one format: value, baseline, ratio, goal."""

from __future__ import annotations

import statistics


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def report(name: str, value: float, baseline: float | None, unit: str, goal: str) -> None:
    ratio = f"  ratio {value / baseline:.2f}x vs baseline {baseline:.3f} {unit}" if baseline else ""
    print(f"\n[benchmark] {name}: {value:.3f} {unit}{ratio}  (goal: {goal})", flush=True)


def summary(samples: list[float]) -> dict[str, float]:
    return {"p50": percentile(samples, 50), "p99": percentile(samples, 99), "mean": statistics.fmean(samples)}
