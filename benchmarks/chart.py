"""The docs chart: F1 against pages/s, one point per system, one panel per dataset.

Example::

    python benchmarks/chart.py benchmarks/results/<timestamp>.json --out docs/img/benchmarks.png

Reads a results JSON written by ``bench.py`` and draws a PNG with matplotlib
(the ``bench`` extra; imported only when drawing, with the file-only Agg
backend). Up and to the right is better. The parse-only lxml floor has no
meaningful F1, so it is a dashed vertical line: the speed of parsing alone.
The shaded corner is the project's goal (better F1 than the goal line, at
least three times trafilatura's pages/s).
"""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import corpora, report

DEFAULT_CHART = Path(__file__).resolve().parents[1] / "docs" / "img" / "benchmarks.png"
# The goal per dataset (docs/benchmarks.md, "Reading the chart"): F1 to reach...
GOAL_F1 = {corpora.SCRAPINGHUB: 0.975, corpora.WCXB_DEV: 0.88}
# ...at this multiple of the baseline system's pages/s or more.
GOAL_SPEEDUP = 3.0
GOAL_BASELINE = "trafilatura"
HIGHLIGHT = "articlex"
# Figure geometry: inches per panel and dots per inch (a sharp, ~200 KB PNG).
PANEL_SIZE = (6.0, 4.6)
DPI = 150
# Y axis: from a little under the lowest F1 up to a perfect score.
Y_MARGIN = 0.03
Y_TOP = 1.0
# X axis (log): this factor of room left and right of the outermost points.
X_MARGIN_FACTOR = 1.6
# Where a label may sit relative to its dot, in typographic points, tried in
# order: right above, right below, left above, left below.
LABEL_POSITIONS = (((6, 4), "left"), ((6, -12), "left"), ((-6, 4), "right"), ((-6, -12), "right"))
# The floor line's label: its height (fraction of the axes) and gap to the line.
FLOOR_LABEL_HEIGHT = 0.02
FLOOR_LABEL_GAP = 4
# Colours: articlex stands out, peers are muted, the floor and goal are grey/green.
COLOUR_HIGHLIGHT = "#d62728"
COLOUR_PEER = "#1f77b4"
COLOUR_FLOOR = "#7f7f7f"
COLOUR_GOAL = "#2ca02c"
GOAL_ALPHA = 0.12
# The footnote under the panels: its baseline and the figure height kept free for it.
FOOTNOTE_Y = 0.015
FOOTNOTE_HEIGHT = 0.05
MARKER_SIZE = 60  # matplotlib's unit: points squared
# A white rim keeps near-identical dots apart; articlex is drawn over its peers.
DOT_EDGE_WIDTH = 0.8
PEER_LAYER = 3
HIGHLIGHT_LAYER = 4
# Labelled speed ticks: 1, 2 and 5 times each power of ten.
SPEED_TICKS = (1.0, 2.0, 5.0)
POINTS_PER_INCH = 72


def _ok(summaries: Sequence[dict[str, Any]], dataset: str) -> list[dict[str, Any]]:
    return [s for s in summaries if s["dataset"] == dataset and s["status"] == "ok" and s.get("pages_per_s")]


def _x_limits(rows: Sequence[dict[str, Any]], goal_x: float | None) -> tuple[float, float]:
    speeds = [row["pages_per_s"] for row in rows] + ([goal_x] if goal_x else [])
    return min(speeds) / X_MARGIN_FACTOR, max(speeds) * X_MARGIN_FACTOR


def _goal_speed(rows: Sequence[dict[str, Any]]) -> float | None:
    baseline = next((row for row in rows if row["system"] == GOAL_BASELINE), None)
    return baseline["pages_per_s"] * GOAL_SPEEDUP if baseline else None


def _draw_goal(axes: Any, dataset: str, goal_x: float | None, x_max: float) -> None:
    goal_f1 = GOAL_F1.get(dataset)
    if goal_f1 is None or goal_x is None:
        return
    axes.fill_between(
        [goal_x, x_max],
        goal_f1,
        Y_TOP,
        color=COLOUR_GOAL,
        alpha=GOAL_ALPHA,
        linewidth=0,
    )


def _draw_floor(axes: Any, row: dict[str, Any]) -> None:
    """A parse-only system: a dashed line at its speed, labelled along it."""
    x = row["pages_per_s"]
    axes.axvline(x, color=COLOUR_FLOOR, linestyle="--", linewidth=1)
    axes.annotate(
        f"{row['system']}: parse only",
        (x, FLOOR_LABEL_HEIGHT),
        xycoords=("data", "axes fraction"),
        xytext=(-FLOOR_LABEL_GAP, 0),
        textcoords="offset points",
        rotation=90,
        ha="right",
        va="bottom",
        color=COLOUR_FLOOR,
        fontsize=8,
    )


def _draw_points(axes: Any, rows: Sequence[dict[str, Any]]) -> list[Any]:
    """Scored systems as labelled dots; returns the labels for placement."""
    labels = []
    for row in rows:
        if not row.get("meaningful", True):
            _draw_floor(axes, row)
            continue
        highlight = row["system"] == HIGHLIGHT
        colour = COLOUR_HIGHLIGHT if highlight else COLOUR_PEER
        point = (row["pages_per_s"], row["f1"])
        axes.scatter(
            *point,
            s=MARKER_SIZE,
            color=colour,
            edgecolors="white",
            linewidths=DOT_EDGE_WIDTH,
            zorder=HIGHLIGHT_LAYER if highlight else PEER_LAYER,
        )
        labels.append(
            axes.annotate(
                row["system"],
                point,
                xytext=LABEL_POSITIONS[0][0],
                textcoords="offset points",
                ha=LABEL_POSITIONS[0][1],
                fontsize=9,
                fontweight="bold" if highlight else "normal",
                color=colour,
            )
        )
    return labels


def _fits(box: Any, inside: Any, taken: Sequence[Any]) -> bool:
    within = box.x0 >= inside.x0 and box.x1 <= inside.x1 and box.y0 >= inside.y0 and box.y1 <= inside.y1
    return within and not any(box.overlaps(other) for other in taken)


def _dot_boxes(figure: Any, axes: Any, labels: Sequence[Any]) -> list[Any]:
    """Display-space boxes around the dots the labels point at."""
    from matplotlib.transforms import Bbox

    radius = MARKER_SIZE**0.5 / 2 * figure.dpi / POINTS_PER_INCH
    boxes = []
    for label in labels:
        x, y = axes.transData.transform(label.xy)
        boxes.append(Bbox.from_extents(x - radius, y - radius, x + radius, y + radius))
    return boxes


def place_labels(figure: Any, axes: Any, labels: Sequence[Any]) -> None:
    """Move each label to the first of LABEL_POSITIONS that stays inside the
    axes, off every dot and clear of the labels placed before it (else leave
    it at the first position)."""
    renderer = figure.canvas.get_renderer()
    inside = axes.get_window_extent(renderer)
    taken: list[Any] = _dot_boxes(figure, axes, labels)
    for label in labels:
        for offset, align in LABEL_POSITIONS:
            label.set_position(offset)
            label.set_horizontalalignment(align)
            if _fits(label.get_window_extent(renderer), inside, taken):
                break
        else:
            label.set_position(LABEL_POSITIONS[0][0])
            label.set_horizontalalignment(LABEL_POSITIONS[0][1])
        taken.append(label.get_window_extent(renderer))


def _draw_panel(axes: Any, dataset: str, rows: Sequence[dict[str, Any]]) -> list[Any]:
    from matplotlib.ticker import LogLocator

    scored = [row["f1"] for row in rows if row.get("meaningful", True)]
    goal_x = _goal_speed(rows)
    x_min, x_max = _x_limits(rows, goal_x)
    axes.set_xscale("log")
    axes.set_xlim(x_min, x_max)
    y_floor = min([*scored, GOAL_F1.get(dataset, Y_TOP)]) - Y_MARGIN
    axes.set_ylim(y_floor, Y_TOP)
    _draw_goal(axes, dataset, goal_x, x_max)
    labels = _draw_points(axes, rows)
    pages = rows[0]["pages"] if rows else 0
    axes.set_title(f"{report.DATASET_TITLES.get(dataset, dataset)} ({pages:,} pages)")
    axes.set_xlabel("pages per second of CPU time, one core (log scale)")
    axes.set_ylabel("F1")
    axes.xaxis.set_major_locator(LogLocator(subs=SPEED_TICKS))
    axes.xaxis.set_major_formatter(_plain_numbers)
    axes.grid(True, which="major", alpha=0.3)
    return labels


def _plain_numbers(value: float, _position: int) -> str:
    """Tick labels as 10, 100, 1000 rather than powers of ten."""
    return f"{value:g}"


def footnote(datasets: Sequence[str]) -> str:
    """What the shading and the dashed line mean (the goal F1 differs per dataset)."""
    goals = " and ".join(
        f"{GOAL_F1[name]:g} on {report.DATASET_TITLES.get(name, name)}" for name in datasets if name in GOAL_F1
    )
    return (
        f"Shaded: the goal, F1 ≥ {goals} at ≥ {GOAL_SPEEDUP:g}x {GOAL_BASELINE}'s pages/s. "
        "Dashed: parsing with lxml and nothing else."
    )


def draw(summaries: Sequence[dict[str, Any]], path: Path) -> Path:
    """Write the PNG and return its path; datasets without results are left out."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    datasets = [name for name in corpora.DATASETS if _ok(summaries, name)]
    if not datasets:
        raise ValueError("no successful results to chart")
    width, height = PANEL_SIZE
    figure, panels = pyplot.subplots(1, len(datasets), figsize=(width * len(datasets), height), squeeze=False)
    placements = [
        (axes, _draw_panel(axes, dataset, _ok(summaries, dataset)))
        for axes, dataset in zip(panels[0], datasets, strict=True)
    ]
    figure.text(0.5, FOOTNOTE_Y, footnote(datasets), ha="center", va="bottom", fontsize=8, color=COLOUR_FLOOR)
    figure.tight_layout(rect=(0, FOOTNOTE_HEIGHT, 1, 1))
    for axes, labels in placements:
        place_labels(figure, axes, labels)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=DPI)
    pyplot.close(figure)
    return path


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: results JSON in, PNG out."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path, help="a results JSON written by bench.py")
    parser.add_argument("--out", type=Path, default=DEFAULT_CHART, help=f"PNG path (default: {DEFAULT_CHART})")
    args = parser.parse_args(argv)
    payload = json.loads(args.results.read_text(encoding="utf-8"))
    print(draw(payload["summaries"], args.out))


if __name__ == "__main__":
    main()
