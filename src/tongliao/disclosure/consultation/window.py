"""When a consultation takes comments (pure: no Plone imports).

The window is inclusive on both ends, by the China date: a comment sent at
23:59 China time on the close date is accepted, one sent at 00:00 the next day
is not.
"""

NOT_OPEN = "not_open"
OPEN = "open"
CLOSED = "closed"


def comment_window(open_date, close_date, today):
    """NOT_OPEN, OPEN or CLOSED for ``today`` (a date in China)."""
    if open_date is None or close_date is None or today < open_date:
        return NOT_OPEN
    if today > close_date:
        return CLOSED
    return OPEN


def period_days(open_date, close_date):
    """Calendar days the consultation is open (both ends included)."""
    if open_date is None or close_date is None:
        return 0
    return (close_date - open_date).days + 1
