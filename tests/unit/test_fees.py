"""The 信息处理费 rule table of 国办函〔2020〕109号, worked out by hand."""

from hypothesis import given
from hypothesis import strategies as st
from tongliao.disclosure.applications import fees

import pytest


@pytest.mark.parametrize(
    ("number", "price"),
    [
        (1, 0),
        (10, 0),
        (11, 100),
        (30, 100),
        (31, 200),
        (40, 200),
        (41, 300),
        (50, 300),
        (51, 400),
        (60, 400),
        (61, 500),
        (101, 900),
    ],
)
def test_item_unit_price_bands(number, price):
    assert fees.item_unit_price(number) == price


@pytest.mark.parametrize(
    ("previous", "new", "amount"),
    [
        (0, 0, 0),
        (0, 1, 0),
        (0, 10, 0),
        (0, 11, 100),  # item 11
        (10, 1, 100),
        (0, 30, 2000),  # 20 × 100
        (0, 31, 2200),  # 20 × 100 + 1 × 200, the example in the rules
        (12, 25, 3200),  # items 13–37: 18 × 100 + 7 × 200
        (30, 10, 2000),  # items 31–40: 10 × 200
        (0, 50, 7000),  # 0 + 20 × 100 + 10 × 200 + 10 × 300
        (45, 10, 3500),  # items 46–55: 5 × 300 + 5 × 400
        (5, 5, 0),  # items 6–10
        (8, 5, 300),  # items 9–13: 2 free + 3 × 100
        (100, 1, 900),  # item 101: band 101–110 is the 8th band of 10, 900 元
    ],
)
def test_fee_by_items(previous, new, amount):
    result = fees.fee_by_items(previous, new)
    assert result.amount == amount
    assert result.method == fees.METHOD_BY_ITEMS
    assert result.quantity == new
    assert sum(band.count for band in result.bands) == new


def test_fee_by_items_breakdown_text():
    result = fees.fee_by_items(12, 25)
    assert [(b.first, b.last, b.unit_price, b.subtotal) for b in result.bands] == [
        (13, 30, 100, 1800),
        (31, 37, 200, 1400),
    ]
    assert result.breakdown == (
        "按件计收（国办函〔2020〕109号）：同一申请人本自然月此前已计12件，"
        "本次申请25件，为本月第13至37件。"
        "第13至30件：18件×100元=1800元；第31至37件：7件×200元=1400元。"
        "合计：3200元。"
    )


def test_fee_by_items_breakdown_names_free_items():
    text = fees.fee_by_items(0, 11).breakdown
    assert "第1至10件：10件，免费；第11件：1件×100元=100元。合计：100元。" in text


@pytest.mark.parametrize(
    ("pages", "amount"),
    [
        (0, 0),
        (1, 0),
        (30, 0),
        (31, 10),
        (100, 700),  # 70 × 10
        (101, 720),  # 700 + 1 × 20
        (200, 2700),  # 700 + 100 × 20
        (201, 2740),  # 2700 + 1 × 40
        (250, 4700),  # 700 + 2000 + 50 × 40
        (1000, 34700),  # 700 + 2000 + 800 × 40
    ],
)
def test_fee_by_pages(pages, amount):
    result = fees.fee_by_pages(pages)
    assert result.amount == amount
    assert result.method == fees.METHOD_BY_PAGES
    assert sum(band.count for band in result.bands) == pages


def test_fee_by_pages_breakdown_text():
    assert fees.fee_by_pages(250).breakdown == (
        "按量计收（国办函〔2020〕109号）：本次申请共250页。"
        "第1至30页：30页，免费；第31至100页：70页×10元=700元；"
        "第101至200页：100页×20元=2000元；第201至250页：50页×40元=2000元。"
        "合计：4700元。"
    )


@given(
    previous=st.integers(0, 200), first=st.integers(0, 60), second=st.integers(0, 60)
)
def test_items_of_a_month_cost_the_same_however_split(previous, first, second):
    together = fees.fee_by_items(previous, first + second).amount
    split = fees.fee_by_items(previous, first).amount
    split += fees.fee_by_items(previous + first, second).amount
    assert together == split


@given(pages=st.integers(0, 2000))
def test_pages_fee_is_monotonic_and_sums_its_bands(pages):
    result = fees.fee_by_pages(pages)
    assert result.amount == sum(band.subtotal for band in result.bands)
    assert fees.fee_by_pages(pages + 1).amount >= result.amount


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((-1, 1), "previous_items_this_month"),
        ((0, -1), "new_items"),
        ((0, 1.5), "new_items"),
        ((0, True), "new_items"),
    ],
)
def test_fee_by_items_refuses_bad_counts(args, error):
    with pytest.raises(ValueError, match=error):
        fees.fee_by_items(*args)


def test_fee_by_pages_refuses_negative():
    with pytest.raises(ValueError, match="pages"):
        fees.fee_by_pages(-1)


def test_compute_fee_uses_exactly_one_method():
    by_items = fees.compute_fee("by_items", previous_items_this_month=12, new_items=25)
    assert by_items.amount == 3200
    assert fees.compute_fee("by_pages", pages=250).amount == 4700
    with pytest.raises(ValueError, match="no pages"):
        fees.compute_fee("by_items", new_items=25, pages=250)
    with pytest.raises(ValueError, match="no item counts"):
        fees.compute_fee("by_pages", new_items=25, pages=250)
    with pytest.raises(ValueError, match="no item counts"):
        fees.compute_fee("by_pages", previous_items_this_month=3, pages=250)
    with pytest.raises(ValueError, match="unknown fee method"):
        fees.compute_fee("both", pages=250)
