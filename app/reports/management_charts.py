"""Bar charts for the management report, drawn with reportlab's graphics.

A hidden figure never shapes a chart: its bar is a hatched box of one fixed
height (a fifth of the plot, whatever the figure and whatever the scale) with
its mark ("< 5" or "×") above it, and the scale is set by the shown figures
alone. So a reader learns from a chart exactly what the table beside it says.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from app.reports.fonts import REGULAR
from app.reports.management_suppress import Shown

BAR = colors.HexColor("#3b6ea5")
HATCH = colors.HexColor("#8a8a8a")
AXIS = colors.HexColor("#555555")
HIDDEN_SHARE = 0.2


def _nice_top(peak: float) -> tuple[float, float]:
    """An axis top at or above ``peak`` and its tick step (1, 2, 5 x 10^n)."""
    if peak <= 0:
        return 5.0, 1.0
    step = 1.0
    while peak / step > 5:
        for m in (2, 2.5, 2):
            step *= m
            if peak / step <= 5:
                break
    top = step * -(-peak // step)
    return top, step


def _hatched(d: Drawing, x: float, y: float, w: float, h: float) -> None:
    d.add(Rect(x, y, w, h, fillColor=None, strokeColor=HATCH, strokeWidth=0.6))
    gap = 3.0
    k = -h
    while k < w:
        x0, y0 = x + max(k, 0), y + max(-k, 0)
        x1 = min(x + w, x + k + h)
        y1 = y + (x1 - (x + k))
        d.add(Line(x0, y0, x1, y1, strokeColor=HATCH, strokeWidth=0.4))
        k += gap


def bar_chart(
    title: str,
    categories: Sequence[str],
    values: Sequence[Shown],
    *,
    width: float = 420,
    height: float = 150,
    scale: float = 1.0,
    unit: str = "",
) -> Drawing:
    """One bar per category; ``scale`` divides shown values (cents to euros)."""
    d = Drawing(width, height)
    left, bottom, top_pad = 42.0, 34.0, 22.0
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    d.add(String(0, height - 11, title, fontName=REGULAR, fontSize=8.5, fillColor=AXIS))
    shown = [v.value / scale for v in values if v.value is not None]
    top, step = _nice_top(max(shown, default=0.0))
    d.add(Line(left, bottom, left, bottom + plot_h, strokeColor=AXIS, strokeWidth=0.6))
    d.add(Line(left, bottom, left + plot_w, bottom, strokeColor=AXIS, strokeWidth=0.6))
    tick = 0.0 if shown else top + 1  # no scale at all when nothing is shown
    while tick <= top + 1e-9:
        y = bottom + plot_h * tick / top
        d.add(Line(left - 3, y, left, y, strokeColor=AXIS, strokeWidth=0.5))
        label = f"{tick:,.0f}".replace(",", ".") + unit
        d.add(
            String(
                left - 5,
                y - 3,
                label,
                fontName=REGULAR,
                fontSize=6.5,
                fillColor=AXIS,
                textAnchor="end",
            )
        )
        tick += step
    n = max(1, len(values))
    slot = plot_w / n
    bar_w = min(28.0, slot * 0.7)
    every = 1 if n <= 12 else 3  # a long period: every third month named
    for i, (name, v) in enumerate(zip(categories, values, strict=True)):
        x = left + slot * i + (slot - bar_w) / 2
        if v.value is not None:
            h = plot_h * (v.value / scale) / top
            d.add(Rect(x, bottom, bar_w, h, fillColor=BAR, strokeColor=None))
        else:
            h = plot_h * HIDDEN_SHARE
            _hatched(d, x, bottom, bar_w, h)
            d.add(
                String(
                    x + bar_w / 2,
                    bottom + h + 2,
                    v.mark.value,
                    fontName=REGULAR,
                    fontSize=6.5,
                    fillColor=AXIS,
                    textAnchor="middle",
                )
            )
        if i % every == 0:
            d.add(
                String(
                    x + bar_w / 2,
                    bottom - 10,
                    name,
                    fontName=REGULAR,
                    fontSize=6.5,
                    fillColor=AXIS,
                    textAnchor="middle",
                )
            )
    return d
