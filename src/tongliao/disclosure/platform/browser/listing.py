"""One row of a document listing (catalogue page, agency home, sections, home)."""

from tongliao.disclosure.bilingual.dates import date_text
from tongliao.disclosure.bilingual.titles import title_mn
from tongliao.disclosure.bilingual.titles import title_parts
from tongliao.disclosure.platform import catalogue


OUT_OF_FORCE = ("repealed", "expired")


def listing_row(brain):
    """The catalogue columns of ``brain`` (metadata only, never woken) with the
    publication date as shown (2021年3月5日) and for <time datetime>; on a
    Mongolian page the Mongolian title and date (bilingual/)."""
    row = catalogue.row_of(brain)
    published = catalogue.publication_date(brain)
    return {
        **row,
        **title_parts(brain.Title, title_mn(brain)),
        "published": date_text(published) if published else "",
        "published_iso": row["published"] or "",
        "out_of_force": brain.validity in OUT_OF_FORCE,
    }


def listing_rows(brains):
    return [listing_row(brain) for brain in brains]
