"""Accept/reject tables for tongliao.disclosure.validators (no Plone needed)."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from datetime import UTC
from hypothesis import given
from hypothesis import strategies as st
from pathlib import Path
from pythongettext.msgfmt import Msgfmt
from tongliao.disclosure import validators as v
from zope.i18n import interpolate
from zope.interface import Invalid
from zope.schema import TextLine

import gettext
import io
import pytest
import re


TODAY = date(2026, 11, 25)

# Real codes (published on government sites or in the national enterprise
# register) plus one Tongliao-like organ code whose check character we computed.
VALID_USCC = [
    "11150000MB1604391C",  # 内蒙古自治区政务服务与数据管理局 (索引号 prefix)
    "11341702486344515H",  # 宁国 agency (索引号 prefix)
    "11620622013933539B",  # Gansu county agency (索引号 prefix)
    "914403001922038216",  # 华为技术有限公司
    "9144030071526726XG",  # 深圳市腾讯计算机系统有限公司
    "11150500MB1234567X",  # synthetic: 机关 (11), 通辽市 (150500)
]


# 发文字号 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("通政公办字〔2021〕1号", None, "通政公办字〔2021〕1号"),
        ("通政发〔2021〕1号", "notice", "通政发〔2021〕1号"),
        ("内政数发〔2025〕21号", "notice", "内政数发〔2025〕21号"),
        ("国办函〔2020〕109号", "letter", "国办函〔2020〕109号"),
        ("国办公开办函〔2021〕30号", None, "国办公开办函〔2021〕30号"),
        ("通政公办字〔1949〕1号", None, "通政公办字〔1949〕1号"),
        ("通政公办字〔2026〕1000号", None, "通政公办字〔2026〕1000号"),
        ("ABC字〔2021〕1号", None, "ABC字〔2021〕1号"),
        # whitespace, full-width digits and look-alike ﹝﹞ are normalized
        (" 通政公办字 〔2021〕 1号\u3000", None, "通政公办字〔2021〕1号"),
        ("通政公办字〔２０２１〕１号", None, "通政公办字〔2021〕1号"),
        ("通政公办字﹝2021﹞1号", None, "通政公办字〔2021〕1号"),
        # orders: 第N号 without a year, with or without the organ name
        ("国务院令第711号", "order", "国务院令第711号"),
        ("内蒙古自治区人民政府令第250号", "order", "内蒙古自治区人民政府令第250号"),
        ("第711号", "order", "第711号"),
        ("通政令〔2021〕1号", "order", "通政令〔2021〕1号"),
        # kind unknown (field constraint): the order form is not refused
        ("国务院令第711号", None, "国务院令第711号"),
    ],
)
def test_document_number_accepted(value, kind, expected):
    assert v.check_document_number(value, kind, today=TODAY) == expected


EXAMPLE = "通政公办字〔2021〕1号"
ORDER_EXAMPLE = "国务院令第711号"
BRACKETS = v.MSG_DOCUMENT_NUMBER_BRACKETS
LEADING_ZERO = v.MSG_DOCUMENT_NUMBER_LEADING_ZERO
ORDER_ONLY = v.MSG_DOCUMENT_NUMBER_ORDER_ONLY
ORDER_FORMAT = v.MSG_DOCUMENT_NUMBER_ORDER_FORMAT
FORMAT = v.MSG_DOCUMENT_NUMBER_FORMAT
SEQUENCE_ZERO = v.MSG_DOCUMENT_NUMBER_SEQUENCE_ZERO


@pytest.mark.parametrize(
    ("value", "kind", "message", "example"),
    [
        ("", None, v.MSG_DOCUMENT_NUMBER_EMPTY, None),
        ("  ", None, v.MSG_DOCUMENT_NUMBER_EMPTY, None),
        ("通政公办字[2021]1号", None, BRACKETS, EXAMPLE),
        ("通政公办字［2021］1号", None, BRACKETS, EXAMPLE),
        ("通政公办字（2021）3号", None, BRACKETS, "通政公办字〔2021〕3号"),
        ("通政公办字(2021)3号", None, BRACKETS, "通政公办字〔2021〕3号"),
        ("通政公办字【2021】3号", None, BRACKETS, "通政公办字〔2021〕3号"),
        ("通政公办字〔2021]3号", None, BRACKETS, "通政公办字〔2021〕3号"),
        ("通政公办字2021 12号", None, BRACKETS, "通政公办字〔2021〕12号"),
        # several faults: the first is named, the example fixes all of them
        ("通政公办字[2021]第01号", None, BRACKETS, EXAMPLE),
        ("通政公办字〔2021〕01号", None, LEADING_ZERO, EXAMPLE),
        ("通政公办字〔2021〕007号", None, LEADING_ZERO, "通政公办字〔2021〕7号"),
        ("通政公办字〔2021〕0号", None, SEQUENCE_ZERO, EXAMPLE),
        ("通政公办字〔2021〕第1号", None, v.MSG_DOCUMENT_NUMBER_ORDINAL, EXAMPLE),
        ("通政公办字〔21〕1号", None, v.MSG_DOCUMENT_NUMBER_YEAR_DIGITS, EXAMPLE),
        ("通政公办字〔2021〕1", None, v.MSG_DOCUMENT_NUMBER_SUFFIX, EXAMPLE),
        ("〔2021〕1号", None, v.MSG_DOCUMENT_NUMBER_CODE_MISSING, EXAMPLE),
        ("通政3办字〔2021〕1号", None, v.MSG_DOCUMENT_NUMBER_CODE_CHARS, EXAMPLE),
        ("通政发第1号", None, FORMAT, EXAMPLE),
        ("通政公办字〔2021〕1号。", None, FORMAT, EXAMPLE),
        ("无文号", None, FORMAT, EXAMPLE),
        ("通政公办字〔2027〕1号", None, v.MSG_DOCUMENT_NUMBER_YEAR_FUTURE, None),
        ("通政公办字〔1948〕1号", None, v.MSG_DOCUMENT_NUMBER_YEAR_TOO_EARLY, None),
        # the 第N号 form without a year is for orders only
        ("国务院令第711号", "notice", ORDER_ONLY, EXAMPLE),
        ("第1号", "decision", ORDER_ONLY, EXAMPLE),
        ("国务院令第0711号", "order", LEADING_ZERO, ORDER_EXAMPLE),
        ("第0号", "order", SEQUENCE_ZERO, ORDER_EXAMPLE),
        ("国务院令第711", "order", v.MSG_DOCUMENT_NUMBER_SUFFIX, ORDER_EXAMPLE),
        ("国务院第711号", "order", ORDER_FORMAT, ORDER_EXAMPLE),
        ("国务院令第七百一十一号", "order", ORDER_FORMAT, ORDER_EXAMPLE),
    ],
)
def test_document_number_rejected(value, kind, message, example):
    with pytest.raises(Invalid) as raised:
        v.check_document_number(value, kind, today=TODAY)
    error = raised.value.args[0]
    assert error == message
    assert error.domain == "tongliao.disclosure"
    if example is not None:
        assert error.mapping["example"] == example


def test_document_number_year_is_checked_against_today():
    assert v.check_document_number("通政发〔2027〕1号", today=date(2027, 1, 1))
    with pytest.raises(Invalid) as raised:
        v.check_document_number("通政发〔2027〕1号", today=date(2026, 12, 31))
    assert raised.value.args[0].mapping == {"year": "2027"}


@given(
    code=st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1),
    year=st.integers(1949, TODAY.year),
    seq=st.integers(1, 10**6),
)
def test_document_number_well_formed_always_passes(code, year, seq):
    number = f"{code}〔{year}〕{seq}号"
    assert v.check_document_number(number, "notice", today=TODAY) == number


def test_document_number_constraint_on_a_schema_field():
    field = TextLine(constraint=v.document_number_constraint, required=False)
    field.validate("通政公办字〔2021〕1号")
    field.validate("")
    with pytest.raises(Invalid) as raised:
        field.validate("通政公办字[2021]1号")
    assert raised.value.args[0] == v.MSG_DOCUMENT_NUMBER_BRACKETS


# 统一社会信用代码 -------------------------------------------------------------


@pytest.mark.parametrize("code", VALID_USCC)
def test_uscc_accepted(code):
    assert v.check_uscc(code) == code
    assert v.uscc_check_char(code[:17]) == code[17]


def test_uscc_normalized_to_capitals_without_spaces():
    assert v.check_uscc(" 9144030071526726xg ") == "9144030071526726XG"
    assert v.check_uscc("1115 0000 MB16 0439 1C") == "11150000MB1604391C"


@pytest.mark.parametrize(
    ("value", "message", "mapping"),
    [
        ("", v.MSG_USCC_EMPTY, None),
        ("11150000MB1604391", v.MSG_USCC_LENGTH, {"length": 17}),
        ("11150000MB1604391CC", v.MSG_USCC_LENGTH, {"length": 19}),
        ("11150000MB1604391I", v.MSG_USCC_CHARS, {"chars": "I"}),
        ("11150000OB1604391Z", v.MSG_USCC_CHARS, {"chars": "O Z"}),
        ("11150000MB-604391C", v.MSG_USCC_CHARS, {"chars": "-"}),
        ("11150000MB1604391D", v.MSG_USCC_CHECK, None),
        ("11150000MB1604931C", v.MSG_USCC_CHECK, None),  # swapped digits
        ("914403001922038217", v.MSG_USCC_CHECK, None),
    ],
)
def test_uscc_rejected(value, message, mapping):
    with pytest.raises(Invalid) as raised:
        v.check_uscc(value)
    assert raised.value.args[0] == message
    assert raised.value.args[0].mapping == mapping


@given(
    body=st.text(st.sampled_from(v.USCC_CHARSET), min_size=17, max_size=17),
    position=st.integers(0, 17),
    shift=st.integers(1, 30),
)
def test_uscc_check_char_detects_every_single_substitution(body, position, shift):
    code = body + v.uscc_check_char(body)
    assert v.check_uscc(code) == code
    charset = v.USCC_CHARSET
    wrong_char = charset[(charset.index(code[position]) + shift) % len(charset)]
    typo = code[:position] + wrong_char + code[position + 1 :]
    with pytest.raises(Invalid):
        v.check_uscc(typo)


def test_uscc_check_char_refuses_bad_input():
    with pytest.raises(ValueError, match="expected 17"):
        v.uscc_check_char("1115")
    with pytest.raises(ValueError, match="expected 17"):
        v.uscc_check_char("11150000MB160439I")


def test_uscc_constraint_skips_empty_and_raises_invalid():
    assert v.uscc_constraint("") is True
    assert v.uscc_constraint(None) is True
    assert v.uscc_constraint("11150000MB1604391C") is True
    with pytest.raises(Invalid):
        v.uscc_constraint("11150000MB1604391D")


# 居民身份证 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("11010519491231002X", "11010519491231002X"),  # GB 11643-1999 example
        ("11010519491231002x", "11010519491231002X"),
        (" 150502199001011232 ", "150502199001011232"),
        ("150502200002290048", "150502200002290048"),  # 29 February of a leap year
        ("150502202611250016", "150502202611250016"),  # born today
    ],
)
def test_resident_id_accepted(value, expected):
    assert v.check_resident_id(value, today=TODAY) == expected


@pytest.mark.parametrize(
    ("value", "message", "mapping"),
    [
        ("", v.MSG_RESIDENT_ID_EMPTY, None),
        ("150502900101123", v.MSG_RESIDENT_ID_LENGTH, {"length": 15}),
        ("1505021990010112322", v.MSG_RESIDENT_ID_LENGTH, {"length": 19}),
        ("15050219900101123A", v.MSG_RESIDENT_ID_CHARS, None),
        ("1505021990010112X2", v.MSG_RESIDENT_ID_CHARS, None),
        ("990502199001011232", v.MSG_RESIDENT_ID_REGION, {"region": "990502"}),
        ("150502199002301232", v.MSG_RESIDENT_ID_BIRTH_INVALID, {"birth": "19900230"}),
        ("150502190002290012", v.MSG_RESIDENT_ID_BIRTH_INVALID, {"birth": "19000229"}),
        ("150502202611260012", v.MSG_RESIDENT_ID_BIRTH_FUTURE, {"birth": "2026-11-26"}),
        ("150502199001011233", v.MSG_RESIDENT_ID_CHECK, None),
        ("11010519491231002Y", v.MSG_RESIDENT_ID_CHARS, None),
        ("110105194912310021", v.MSG_RESIDENT_ID_CHECK, None),
    ],
)
def test_resident_id_rejected(value, message, mapping):
    with pytest.raises(Invalid) as raised:
        v.check_resident_id(value, today=TODAY)
    assert raised.value.args[0] == message
    assert raised.value.args[0].mapping == mapping


@given(
    birth=st.dates(date(1900, 1, 1), TODAY),
    sequence=st.integers(0, 999),
    position=st.integers(0, 16),
    shift=st.integers(1, 9),
)
def test_resident_id_check_char_detects_single_digit_typos(
    birth, sequence, position, shift
):
    body = f"150502{birth:%Y%m%d}{sequence:03d}"
    number = body + v.resident_id_check_char(body)
    assert v.check_resident_id(number, today=TODAY) == number
    typo_body = body[:position] + str((int(body[position]) + shift) % 10)
    typo_body += body[position + 1 :]
    assert v.resident_id_check_char(typo_body) != number[17]


def test_resident_id_constraint():
    assert v.resident_id_constraint("") is True
    assert v.resident_id_constraint("11010519491231002X") is True
    with pytest.raises(Invalid):
        v.resident_id_constraint("110105194912310021")


# Masking ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("150502199001011234", "1505**********1234"),
        ("11010519491231002X", "1101**********002X"),
        ("11150000MB1604391C", "1115**********391C"),
        ("12345678", "********"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(value, expected):
    assert v.mask_id_number(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # The last four digits are the status lookup's second factor: never shown.
        ("13812345678", "138********"),
        ("+86 138 1234 5678", "138********"),
        ("138-1234-5678", "138********"),
        ("0475-8221234", "0475-*******"),
        ("0475-82212345", "0475-********"),
        ("8221234", "*******"),
        ("12345", "*****"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_phone(value, expected):
    assert v.mask_phone(value) == expected
    digits = "".join(c for c in (value or "") if c.isdigit())
    if len(digits) >= 4:
        assert digits[-4:] not in v.mask_phone(value).replace("*", "")[-4:]


# 成文日期 / 发布日期 ---------------------------------------------------------------

CHINA = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    ("written", "effective"),
    [
        (date(2021, 3, 5), date(2021, 3, 5)),
        (date(2021, 3, 5), date(2021, 3, 8)),
        (date(2021, 3, 5), None),
        (None, date(2021, 3, 5)),
        (TODAY, None),
        (date(2021, 3, 5), datetime(2021, 3, 5, 9, 0)),
        # 00:30 in Beijing on 6 March is still 5 March in UTC
        (date(2021, 3, 6), datetime(2021, 3, 5, 16, 30, tzinfo=UTC)),
    ],
)
def test_dates_accepted(written, effective):
    assert v.check_dates_written_before_published(written, effective, TODAY) is True


@pytest.mark.parametrize(
    ("written", "effective", "message"),
    [
        (date(2026, 11, 26), None, v.MSG_DATE_WRITTEN_FUTURE),
        (date(2026, 11, 26), date(2026, 11, 27), v.MSG_DATE_WRITTEN_FUTURE),
        (date(2021, 3, 6), date(2021, 3, 5), v.MSG_DATE_WRITTEN_AFTER_PUBLISHED),
        (
            date(2021, 3, 6),
            datetime(2021, 3, 5, 23, 59, tzinfo=CHINA),
            v.MSG_DATE_WRITTEN_AFTER_PUBLISHED,
        ),
    ],
)
def test_dates_rejected(written, effective, message):
    with pytest.raises(Invalid) as raised:
        v.check_dates_written_before_published(written, effective, TODAY)
    assert raised.value.args[0] == message


def test_dates_accept_zope_datetime_like_objects():
    class FakeDateTime:
        """Stands in for Zope's DateTime, which offers asdatetime()."""

        def asdatetime(self):
            return datetime(2021, 3, 5, 10, 0, tzinfo=CHINA)

    with pytest.raises(Invalid):
        v.check_dates_written_before_published(date(2021, 3, 6), FakeDateTime())


def test_today_in_china_is_a_date():
    from tongliao.disclosure.chinatime import today_in_china

    assert isinstance(today_in_china(), date)


# Translations -----------------------------------------------------------------

LOCALES = Path(v.__file__).parent / "locales"
MESSAGES = [value for name, value in vars(v).items() if name.startswith("MSG_")]


def _catalog(language):
    path = LOCALES / language / "LC_MESSAGES" / "tongliao.disclosure.po"
    compiled = Msgfmt(str(path), name=language).get()
    return gettext.GNUTranslations(io.BytesIO(compiled))


@pytest.mark.parametrize("message", MESSAGES, ids=str)
def test_every_message_is_translated(message):
    chinese = _catalog("zh_CN").gettext(str(message))
    assert re.search(r"[\u4e00-\u9fff]", chinese), chinese
    assert chinese != str(message)
    assert re.findall(r"\$\{\w+\}", chinese) == re.findall(r"\$\{\w+\}", message)
    assert _catalog("en").gettext(str(message)) == str(message)


def test_bracket_message_renders_in_chinese():
    with pytest.raises(Invalid) as raised:
        v.check_document_number("通政公办字[2021]1号", today=TODAY)
    error = raised.value.args[0]
    chinese = interpolate(_catalog("zh_CN").gettext(str(error)), error.mapping)
    assert chinese == "年份请使用六角括号〔〕，例如：通政公办字〔2021〕1号"
