"""The standard directory (政务公开标准目录) of an agency.

``<agency>/directory`` is a StandardDirectory; it holds one DirectoryCategory per
一级事项, each holding the DirectoryItems (二级事项) with the columns of the
departments' spreadsheets (disclosure-rules.md §5).
"""

from Acquisition import aq_inner
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from tongliao.disclosure import _
from tongliao.disclosure.constraints import RuleViolation
from tongliao.disclosure.vocabularies import AUDIENCES
from tongliao.disclosure.vocabularies import CHANNELS
from tongliao.disclosure.vocabularies import DIRECTORY_LEVELS
from tongliao.disclosure.vocabularies import DISCLOSURE_MODES
from tongliao.disclosure.vocabularies import FIVE_PUBLICITY
from z3c.form.interfaces import IAddForm
from z3c.form.interfaces import IEditForm
from zope import schema
from zope.interface import implementer
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory

import re


DIRECTORY_ID = "directory"
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
MSG_CODE_FORMAT = _(
    "The item code may contain letters, digits, '.', '_' and '-' (at most 40)."
)

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_DAYS_RE = re.compile(r"([0-9０-９]+|[零〇一二两三四五六七八九十百]+)\s*个?\s*工作日")


def _chinese_number(text):
    """二十 → 20, 十五 → 15, 一百二十 → 120 (small counts of days only)."""
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_DIGITS[char]
    return total + current


def parse_working_days(text):
    """The N of "…N个工作日…" in a 公开时限, else None ("实时", "及时", dates)."""
    match = _DAYS_RE.search(text or "")
    if match is None:
        return None
    number = match.group(1)
    if number[0] in "0123456789０１２３４５６７８９":
        return int(
            number.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        )
    return _chinese_number(number)


def _code_constraint(value):
    if not CODE_RE.match(value or ""):
        raise RuleViolation(MSG_CODE_FORMAT)
    return True


@provider(IContextAwareDefaultFactory)
def default_level1_item(context):
    """The title of the category the item is added to."""
    context = aq_inner(context)
    if getattr(context, "portal_type", None) == "DirectoryCategory":
        return context.Title()
    return None


class IStandardDirectory(model.Schema):
    """The standard directory of one agency (holds the categories)."""


@implementer(IStandardDirectory)
class StandardDirectory(Container):
    """政务公开标准目录 of an agency."""


class IDirectoryCategory(model.Schema):
    """一级事项: a group of directory items; its title is the item name."""


@implementer(IDirectoryCategory)
class DirectoryCategory(Container):
    """一级事项."""


class IDirectoryItem(model.Schema):
    """二级事项: one line of the standard directory."""

    code = schema.ASCIILine(
        title=_("Item code"),
        description=_(
            "Stable code of the item, unique within the agency; spreadsheet "
            "re-imports update the item with the same code."
        ),
        required=True,
        constraint=_code_constraint,
    )

    # The category is the 一级事项: set from it on add, changed only by import.
    directives.mode(IAddForm, level1_item="hidden")
    directives.mode(IEditForm, level1_item="display")
    level1_item = schema.TextLine(
        title=_("Level-1 item"),
        description=_("一级事项 (the category this item belongs to)."),
        required=True,
        defaultFactory=default_level1_item,
    )

    level2_item = schema.TextLine(
        title=_("Level-2 item"),
        description=_("二级事项."),
        required=True,
    )

    content_elements = schema.Text(
        title=_("Content (elements)"),
        description=_("公开内容（要素）."),
        required=True,
    )

    legal_basis = schema.Text(
        title=_("Legal basis"),
        description=_("公开依据: laws, regulations and documents."),
        required=False,
    )

    time_limit = schema.TextLine(
        title=_("Time limit"),
        description=_(
            "公开时限 as written, e.g. 信息形成或者变更之日起20个工作日内; "
            "the number of working days is read from the text."
        ),
        required=True,
    )

    responsible_body = schema.TextLine(
        title=_("Responsible body"),
        description=_("公开主体."),
        required=True,
    )

    channels = schema.List(
        title=_("Channels"),
        description=_("公开渠道和载体."),
        value_type=schema.Choice(vocabulary=CHANNELS),
        required=True,
        min_length=1,
        default=["website"],
    )

    audience = schema.Choice(
        title=_("Audience"),
        description=_("公开对象."),
        vocabulary=AUDIENCES,
        required=True,
        default="public",
    )

    disclosure_mode = schema.Choice(
        title=_("Disclosure mode"),
        description=_("公开方式."),
        vocabulary=DISCLOSURE_MODES,
        required=True,
        default="proactive",
    )

    # Real directories often name two levels ("县级、乡级"): a list, not a choice.
    level = schema.List(
        title=_("Level"),
        description=_("公开层级."),
        value_type=schema.Choice(vocabulary=DIRECTORY_LEVELS),
        required=True,
        min_length=1,
        default=["county"],
    )

    five_publicity = schema.List(
        title=_("Five publicity"),
        description=_("五公开: 决策、执行、管理、服务、结果."),
        value_type=schema.Choice(vocabulary=FIVE_PUBLICITY),
        required=False,
        default=[],
    )


@implementer(IDirectoryItem)
class DirectoryItem(Item):
    """二级事项 of the standard directory."""

    @property
    def time_limit_days(self):
        """Working days parsed from ``time_limit`` (None when it names none)."""
        return parse_working_days(self.time_limit)
