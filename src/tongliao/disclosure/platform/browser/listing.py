"""One row of a document listing (catalogue page, agency home, sections, home)."""

from tongliao.disclosure.browser.base import chinese_date
from tongliao.disclosure.platform import catalogue


OUT_OF_FORCE = ("repealed", "expired")


def listing_row(brain):
    """The catalogue columns of ``brain`` (metadata only, never woken) with the
    publication date as shown (2021年3月5日) and for <time datetime>."""
    row = catalogue.row_of(brain)
    published = catalogue.publication_date(brain)
    return {
        **row,
        "published": chinese_date(published) if published else "",
        "published_iso": row["published"] or "",
        "out_of_force": brain.validity in OUT_OF_FORCE,
    }


def listing_rows(brains):
    return [listing_row(brain) for brain in brains]
