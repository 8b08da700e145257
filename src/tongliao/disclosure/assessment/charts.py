"""Server-rendered SVG charts (no script, no CDN): scores by agency, trend.

Both scale to their container (``viewBox`` + width 100%) so they stay legible
at 360 px; every text is escaped; each chart has a <title> for screen readers.
"""

from html import escape


COLOURS = (
    "#1f5fa8",
    "#c0392b",
    "#2e8b57",
    "#d68910",
    "#7d3c98",
    "#17788a",
    "#6e2c00",
    "#34495e",
    "#b03a2e",
    "#1e8449",
)


def bar_chart(rows, title, maximum=100):
    """Horizontal bars: rows = [(label, value or None)]."""
    label_width, bar_width, row_height = 170, 260, 26
    height = row_height * max(len(rows), 1) + 10
    width = label_width + bar_width + 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="assessment-chart" '
        f'role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet"><title>{escape(title)}</title>'
    ]
    for index, (label, value) in enumerate(rows):
        y = 5 + index * row_height
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 17}" text-anchor="end" '
            f'font-size="12">{escape(label[:13])}</text>'
        )
        if value is None:
            parts.append(
                f'<text x="{label_width}" y="{y + 17}" font-size="13">—</text>'
            )
            continue
        length = round(bar_width * max(min(value / maximum, 1), 0), 1)
        parts.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{length}" '
            f'height="{row_height - 8}" '
            f'fill="{COLOURS[0]}"></rect>'
            f'<text x="{label_width + length + 4}" y="{y + 17}" font-size="13">'
            f"{value:.1f}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def trend_chart(series, title, maximum=100):
    """One line per agency: series = {label: [(year, value)]}."""
    years = sorted({year for points in series.values() for year, _v in points})
    if not years:
        return ""
    left, top, plot_w, plot_h = 40, 10, 420, 180
    legend_top = top + plot_h + 30
    height = legend_top + 20 * len(series) + 10
    width = left + plot_w + 20

    def x(year):
        if len(years) == 1:
            return left + plot_w / 2
        return round(left + plot_w * years.index(year) / (len(years) - 1), 1)

    def y(value):
        return round(top + plot_h * (1 - max(min(value / maximum, 1), 0)), 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="assessment-chart" '
        f'role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet"><title>{escape(title)}</title>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" '
        f'stroke="#555"></line>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" '
        f'y2="{top + plot_h}" stroke="#555"></line>',
    ]
    for mark in (0, 50, 100):
        parts.append(
            f'<text x="{left - 4}" y="{y(mark) + 4}" text-anchor="end" '
            f'font-size="11">{mark}</text>'
        )
    for year in years:
        parts.append(
            f'<text x="{x(year)}" y="{top + plot_h + 16}" text-anchor="middle" '
            f'font-size="11">{year}</text>'
        )
    for index, (label, points) in enumerate(sorted(series.items())):
        colour = COLOURS[index % len(COLOURS)]
        coords = " ".join(f"{x(year)},{y(value)}" for year, value in points)
        parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{colour}" '
            f'stroke-width="2"></polyline>'
        )
        for year, value in points:
            parts.append(
                f'<circle cx="{x(year)}" cy="{y(value)}" r="3" '
                f'fill="{colour}"></circle>'
            )
        ly = legend_top + 20 * index
        parts.append(
            f'<rect x="{left}" y="{ly - 9}" width="12" height="12" '
            f'fill="{colour}"></rect>'
            f'<text x="{left + 18}" y="{ly + 2}" font-size="12">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
