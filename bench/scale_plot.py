"""The query-time curve of bench_scale.py as a PNG (Pillow, which Plone ships).

Log–log axes: documents against median milliseconds, ours and stock Plone's,
with a dotted line growing as the data (time at the smallest size × size ratio):
a curve flatter than it grows more slowly than the data.
"""

from PIL import Image
from PIL import ImageDraw
from PIL import ImageFont

import math


WIDTH, HEIGHT = 900, 560
LEFT, RIGHT, TOP, BOTTOM = 80, 250, 40, 60
SERIES = (
    # label, group, case, side, colour
    ("catalogue page + facets", "catalogue", "page", "ours", (200, 30, 30)),
    ("stock sorted listing", "catalogue", "page", "stock", (120, 120, 120)),
    ("full text (ours)", "catalogue", "fulltext", "ours", (30, 90, 200)),
    ("full text (stock)", "catalogue", "fulltext", "stock", (150, 180, 230)),
    ("filtered + facets", "catalogue", "filtered", "ours", (40, 150, 60)),
)


def font(size):
    for name in (
        "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default()


def draw(results, path):
    sizes = sorted(int(s) for s in results["sizes"])
    if len(sizes) < 2:
        return
    points = {}
    for label, group, case, side, _colour in SERIES:
        points[label] = [
            results["sizes"][str(s)][group][case][side]["p50"] for s in sizes
        ]
    values = [v for series in points.values() for v in series if v > 0]
    first = points[SERIES[0][0]][0]
    linear = [first * s / sizes[0] for s in sizes]
    values += linear
    low = 10 ** math.floor(math.log10(min(values)))
    high = 10 ** math.ceil(math.log10(max(values)))
    x_low, x_high = math.log10(sizes[0]) - 0.1, math.log10(sizes[-1]) + 0.1

    def xy(size, ms):
        x = LEFT + (math.log10(size) - x_low) / (x_high - x_low) * (
            WIDTH - LEFT - RIGHT
        )
        y = (
            HEIGHT
            - BOTTOM
            - (math.log10(ms) - math.log10(low))
            / (math.log10(high) - math.log10(low))
            * (HEIGHT - TOP - BOTTOM)
        )
        return x, y

    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    pen = ImageDraw.Draw(image)
    text, small = font(15), font(13)
    decade = low
    while decade <= high:
        _x, y = xy(sizes[0], decade)
        pen.line((LEFT, y, WIDTH - RIGHT, y), fill=(225, 225, 225))
        pen.text((LEFT - 8, y), f"{decade:g} ms", fill="black", font=small, anchor="rm")
        decade *= 10
    for size in sizes:
        x, _y = xy(size, low)
        pen.line((x, TOP, x, HEIGHT - BOTTOM), fill=(225, 225, 225))
        pen.text(
            (x, HEIGHT - BOTTOM + 8), f"{size:,}", fill="black", font=small, anchor="mt"
        )
    pen.text(
        (LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 20),
        "policy documents (log)",
        fill="black",
        font=text,
        anchor="mm",
    )
    pen.text((LEFT, 12), "median ms per call (log), same run", fill="black", font=text)
    legend_y = TOP
    series = [(label, points[label], colour, False) for label, *_r, colour in SERIES]
    series.append(("grows as the data", linear, (0, 0, 0), True))
    for label, ys, colour, dotted in series:
        line = [xy(s, max(v, low)) for s, v in zip(sizes, ys, strict=True)]
        if dotted:
            for (x1, y1), (x2, y2) in zip(line, line[1:], strict=False):
                for step in range(0, 20, 2):
                    a, b = step / 20, (step + 1) / 20
                    pen.line(
                        (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a,
                         x1 + (x2 - x1) * b, y1 + (y2 - y1) * b),
                        fill=colour,
                        width=2,
                    )  # fmt: skip
        else:
            pen.line(line, fill=colour, width=3)
            for x, y in line:
                pen.ellipse((x - 4, y - 4, x + 4, y + 4), fill=colour)
        lx = WIDTH - RIGHT + 16
        pen.line((lx, legend_y + 8, lx + 24, legend_y + 8), fill=colour, width=3)
        pen.text((lx + 30, legend_y), label, fill="black", font=small)
        legend_y += 24
    image.save(path)
