"""Information-processing fee (信息处理费) for disclosure applications.

Rules of 国办函〔2020〕109号《政府信息公开信息处理费管理办法》 (条例 art. 42):
a fee is charged only when the number or frequency of requests clearly exceeds
a reasonable range; the agency then charges each application by ONE method,
never both, and both methods are excess-progressive (超额累进):

* by item (按件计收), counted per applicant per calendar month: items 1–10
  free, 11–30 100 元 each, then bands of ten, each band 100 元 more per item
  (31–40 200 元, 41–50 300 元, …);
* by volume (按量计收), counted per application, for paper copies, e-mail or
  copied electronic data: pages 1–30 free, 31–100 10 元, 101–200 20 元,
  201 and more 40 元 per page.

Uncertain (see disclosure-rules.md §1.4), so callers must not hide it:

* the reading of "以10件为一档，每增加一档，收费标准提高100元/件" for items 31+
  is medium confidence (it gives 31 items → 2,200 元, the worked example);
* that the page bands restart for each application (not cumulated per month)
  is our reading of art. 5, not checked against the full text;
* the rest of art. 5 (information already proactively disclosed) and any
  reduction or waiver rules were not available and are not implemented;
* whether the reply clock pauses while a fee notice is unpaid is left to the
  deadline module.

Amounts are whole yuan (every rate is a whole number of yuan). The breakdown
text is Chinese because it goes verbatim into the 收费通知书.
"""

from dataclasses import dataclass


METHOD_BY_ITEMS = "by_items"
METHOD_BY_PAGES = "by_pages"
METHODS = (METHOD_BY_ITEMS, METHOD_BY_PAGES)

LEGAL_BASIS = "国办函〔2020〕109号"

FREE_ITEMS_PER_MONTH = 10
ITEM_BAND_SIZE = 10
# (first page, last page or None for open-ended, price per page in 元)
PAGE_BANDS = ((1, 30, 0), (31, 100, 10), (101, 200, 20), (201, None, 40))


@dataclass(frozen=True)
class FeeBand:
    """A run of consecutive items or pages charged at one unit price."""

    first: int
    last: int
    unit_price: int

    @property
    def count(self):
        return self.last - self.first + 1

    @property
    def subtotal(self):
        return self.count * self.unit_price


@dataclass(frozen=True)
class FeeResult:
    """The fee of one application, with the bands it was computed from."""

    method: str
    quantity: int
    amount: int
    bands: tuple
    breakdown: str


def _check_count(name, value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a whole number >= 0, got {value!r}")


def _item_band(number):
    """Return (first, last, unit price) of the item band holding item ``number``."""
    if number <= FREE_ITEMS_PER_MONTH:
        return 1, FREE_ITEMS_PER_MONTH, 0
    if number <= 30:
        return 11, 30, 100
    step = (number - 31) // ITEM_BAND_SIZE
    first = 31 + step * ITEM_BAND_SIZE
    return first, first + ITEM_BAND_SIZE - 1, 100 * (step + 2)


def _page_band(number):
    for first, last, price in PAGE_BANDS:
        if last is None or number <= last:
            return first, last, price
    raise AssertionError("PAGE_BANDS must end open-ended")


def _split(first, last, band_of):
    """Cut the numbers first..last into runs that share one unit price."""
    bands = []
    number = first
    while number <= last:
        _, band_last, price = band_of(number)
        run_last = last if band_last is None else min(band_last, last)
        bands.append(FeeBand(number, run_last, price))
        number = run_last + 1
    return tuple(bands)


def _range_text(first, last, unit):
    if first == last:
        return f"第{first}{unit}"
    return f"第{first}至{last}{unit}"


def _bands_text(bands, unit):
    parts = []
    for band in bands:
        label = _range_text(band.first, band.last, unit)
        if band.unit_price:
            parts.append(
                f"{label}：{band.count}{unit}×{band.unit_price}元={band.subtotal}元"
            )
        else:
            parts.append(f"{label}：{band.count}{unit}，免费")
    return "；".join(parts)


def item_unit_price(number):
    """Price in 元 of the ``number``-th item of an applicant in a month."""
    _check_count("number", number)
    if number == 0:
        raise ValueError("items are numbered from 1")
    return _item_band(number)[2]


def fee_by_items(previous_items_this_month, new_items):
    """Fee by item (按件计收) for ``new_items`` of one application.

    ``previous_items_this_month`` is what the same applicant has already been
    counted for in this calendar month; the new items continue that count.
    Example: 12 already, 25 new → items 13–30 at 100 元 and 31–37 at 200 元
    = 3,200 元.
    """
    _check_count("previous_items_this_month", previous_items_this_month)
    _check_count("new_items", new_items)
    first = previous_items_this_month + 1
    last = previous_items_this_month + new_items
    bands = _split(first, last, _item_band)
    amount = sum(band.subtotal for band in bands)
    intro = (
        f"按件计收（{LEGAL_BASIS}）：同一申请人本自然月此前已计"
        f"{previous_items_this_month}件，本次申请{new_items}件"
    )
    if new_items:
        text = (
            f"{intro}，为本月{_range_text(first, last, '件')}。"
            f"{_bands_text(bands, '件')}。合计：{amount}元。"
        )
    else:
        text = f"{intro}。合计：0元。"
    return FeeResult(METHOD_BY_ITEMS, new_items, amount, bands, text)


def fee_by_pages(pages):
    """Fee by volume (按量计收) for one application of ``pages`` pages.

    Example: 250 pages → 70×10 + 100×20 + 50×40 = 4,700 元.
    """
    _check_count("pages", pages)
    bands = _split(1, pages, _page_band)
    amount = sum(band.subtotal for band in bands)
    intro = f"按量计收（{LEGAL_BASIS}）：本次申请共{pages}页"
    if pages:
        text = f"{intro}。{_bands_text(bands, '页')}。合计：{amount}元。"
    else:
        text = f"{intro}。合计：0元。"
    return FeeResult(METHOD_BY_PAGES, pages, amount, bands, text)


def compute_fee(method, *, previous_items_this_month=0, new_items=None, pages=None):
    """Fee of one application by the one ``method`` the agency chose.

    Refuses quantities of the other method, so an application can never be
    charged both ways.
    """
    if method == METHOD_BY_ITEMS:
        if pages is not None or new_items is None:
            raise ValueError("by_items takes new_items (and no pages)")
        return fee_by_items(previous_items_this_month, new_items)
    if method == METHOD_BY_PAGES:
        if new_items is not None or previous_items_this_month or pages is None:
            raise ValueError("by_pages takes pages (and no item counts)")
        return fee_by_pages(pages)
    raise ValueError(f"unknown fee method {method!r}; expected one of {METHODS}")
