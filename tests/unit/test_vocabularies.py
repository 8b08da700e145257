"""Vocabulary data, factories and their ZCML registration (no Plone site)."""

from plone.testing import zca
from tongliao.disclosure import vocabularies
from tongliao.disclosure.vocabularies import annual_report_layout
from tongliao.disclosure.vocabularies import application_outcome
from tongliao.disclosure.vocabularies import find_token
from tongliao.disclosure.vocabularies import get_vocabulary
from tongliao.disclosure.vocabularies import outcome_groups
from tongliao.disclosure.vocabularies import subject_tree
from tongliao.disclosure.vocabularies import term_data
from zope.configuration import xmlconfig
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.interfaces import IVocabularyTokenized

import pytest
import re
import zope.component


ALL_NAMES = sorted(vocabularies.DATA_FILES)
CJK = re.compile(r"[\u4e00-\u9fff]")

OUTCOME_TOKENS = [
    "granted",
    "partial",
    "state_secret",
    "law_forbidden",
    "three_security_one_stability",
    "third_party",
    "internal_affairs",
    "process_info",
    "enforcement_file",
    "admin_query",
    "not_held",
    "needs_creation",
    "still_unclear",
    "petition",
    "repeat",
    "publication",
    "mass_repeat",
    "confirm_or_reissue",
    "no_correction",
    "no_fee",
    "other",
]

# The public contract: exact tokens (in order) and titles.
EXPECTED = {
    "tongliao.disclosure.DocumentKinds": [
        ("resolution", "决议"),
        ("decision", "决定"),
        ("order", "命令（令）"),
        ("communique", "公报"),
        ("announcement", "公告"),
        ("public_notice", "通告"),
        ("opinion", "意见"),
        ("notice", "通知"),
        ("circular", "通报"),
        ("report", "报告"),
        ("request", "请示"),
        ("reply", "批复"),
        ("motion", "议案"),
        ("letter", "函"),
        ("minutes", "纪要"),
    ],
    "tongliao.disclosure.DisclosureAttributes": [
        ("proactive", "主动公开"),
        ("on_request", "依申请公开"),
        ("exempt", "不予公开"),
    ],
    "tongliao.disclosure.Validity": [
        ("valid", "有效"),
        ("expired", "失效"),
        ("repealed", "废止"),
    ],
    "tongliao.disclosure.FivePublicity": [
        ("decision", "决策公开"),
        ("execution", "执行公开"),
        ("management", "管理公开"),
        ("service", "服务公开"),
        ("result", "结果公开"),
    ],
    "tongliao.disclosure.Audiences": [
        ("public", "全社会"),
        ("specific_groups", "特定群体"),
    ],
    "tongliao.disclosure.DisclosureModes": [
        ("proactive", "主动"),
        ("on_request", "依申请"),
    ],
    "tongliao.disclosure.DirectoryLevels": [
        ("city", "市级"),
        ("county", "县级"),
        ("township", "乡级"),
    ],
    "tongliao.disclosure.ApplicantTypes": [
        ("natural_person", "自然人"),
        ("business", "商业企业"),
        ("research", "科研机构"),
        ("nonprofit", "社会公益组织"),
        ("legal_service", "法律服务机构"),
        ("other_org", "其他"),
    ],
    "tongliao.disclosure.ApplicationChannels": [
        ("online", "网上申请"),
        ("in_person", "当面申请"),
        ("mail_signed", "信函（已签收）"),
        ("mail_unsigned", "平信"),
        ("fax", "传真"),
    ],
}

# Tokens named in the brief; the vocabularies may hold more.
REQUIRED_TOKENS = {
    "tongliao.disclosure.InterpretationForms": {
        "text": "文字解读",
        "graphic": "图解",
        "audio": "音频",
        "video": "视频",
        "animation": "动漫",
        "press_conference": "新闻发布会",
        "interview": "在线访谈",
        "expert": "专家解读",
        "qa": "政策问答",
    },
    "tongliao.disclosure.ProvisionForms": {
        "paper": "纸质",
        "email": "电子邮件",
        "disc": "光盘",
        "usb": "移动存储",
    },
    "tongliao.disclosure.ObtainMethods": {
        "post": "邮寄",
        "pickup": "自行领取",
        "email": "电子邮件",
        "fax": "传真",
        "online": "网上获取",
    },
}

CHANNEL_CHECKLIST = [
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏（电子屏）",
    "精准推送",
    "12345政务服务热线",
    "其他",
]


def _pairs(name):
    return [(term.token, term.title) for term in get_vocabulary(name)]


# Every vocabulary -----------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_NAMES)
def test_tokens_are_ascii_unique_and_values(name):
    vocabulary = get_vocabulary(name)
    tokens = [term.token for term in vocabulary]
    assert tokens
    assert len(tokens) == len(set(tokens))
    for term in vocabulary:
        assert vocabularies.TOKEN_RE.match(term.token), term.token
        assert term.value == term.token


@pytest.mark.parametrize("name", ALL_NAMES)
def test_titles_are_chinese_and_unique(name):
    titles = [term.title for term in get_vocabulary(name)]
    assert all(CJK.search(title) for title in titles), titles
    assert len(titles) == len(set(titles))


@pytest.mark.parametrize("name", ALL_NAMES)
def test_factory_returns_the_cached_vocabulary(name):
    factory = getattr(vocabularies, name.rsplit(".", 1)[1] + "Factory")
    assert IVocabularyFactory.providedBy(factory)
    vocabulary = factory(None)
    assert IVocabularyTokenized.providedBy(vocabulary)
    assert factory(object()) is vocabulary is get_vocabulary(name)


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_exact_tokens_and_titles(name, expected):
    assert _pairs(name) == expected


@pytest.mark.parametrize(("name", "required"), sorted(REQUIRED_TOKENS.items()))
def test_required_tokens_present(name, required):
    pairs = dict(_pairs(name))
    assert {token: pairs.get(token) for token in required} == required


def test_interpretation_forms_include_the_other_forms_in_use():
    tokens = dict(_pairs("tongliao.disclosure.InterpretationForms"))
    for token in ("h5", "media_interview", "reporter_qa", "briefing"):
        assert token in tokens


def test_channels_follow_the_directory_checklist():
    titles = [title for _, title in _pairs("tongliao.disclosure.Channels")]
    assert titles == CHANNEL_CHECKLIST
    assert term_data("tongliao.disclosure.Channels", "hotline_12345")["title"] == (
        "12345政务服务热线"
    )


def test_every_data_file_is_used():
    used = {*vocabularies.DATA_FILES.values()}
    used |= {vocabularies.AGENCY_CATEGORY_FILE, vocabularies.ANNUAL_REPORT_2021_FILE}
    assert {path.name for path in vocabularies.DATA_DIR.glob("*.json")} == used


def test_data_files_are_read_once():
    first = vocabularies.load_data("document_kinds.json")
    assert vocabularies.load_data("document_kinds.json") is first


# Term data -------------------------------------------------------------------------


def test_term_data_is_a_copy_and_unknown_tokens_fail():
    data = term_data("tongliao.disclosure.DisclosureAttributes", "exempt")
    assert data["requires_review_date"] is True
    data["title"] = "changed"
    assert get_vocabulary("tongliao.disclosure.DisclosureAttributes").by_token[
        "exempt"
    ].title == ("不予公开")
    with pytest.raises(LookupError):
        term_data("tongliao.disclosure.DisclosureAttributes", "secret")


@pytest.mark.parametrize(
    ("name", "label", "token"),
    [
        ("tongliao.disclosure.DisclosureAttributes", "免予公开", "exempt"),
        ("tongliao.disclosure.DisclosureAttributes", " 主动公开 ", "proactive"),
        ("tongliao.disclosure.DocumentKinds", "命令（令）", "order"),
        ("tongliao.disclosure.InterpretationForms", "一图读懂", "graphic"),
        ("tongliao.disclosure.ApplicationOutcomes", "1.属于国家秘密", "state_secret"),
        ("tongliao.disclosure.SubjectCategories", "综合政务 / 政务公开", "02.01"),
        ("tongliao.disclosure.Validity", "作废", None),
    ],
)
def test_find_token_for_imports(name, label, token):
    assert find_token(name, label) == token


def test_application_channels_carry_the_art31_receipt_rule():
    rules = {
        token: term_data("tongliao.disclosure.ApplicationChannels", token)[
            "receipt_rule"
        ]
        for token, _ in _pairs("tongliao.disclosure.ApplicationChannels")
    }
    assert rules == {
        "online": "confirmed_by_both",
        "in_person": "submitted",
        "mail_signed": "signed_for",
        "mail_unsigned": "confirmed_with_applicant",
        "fax": "confirmed_by_both",
    }


# Application outcomes --------------------------------------------------------------


def test_outcome_tokens_are_the_21_rows_of_table_3():
    tokens = [token for token, _ in _pairs("tongliao.disclosure.ApplicationOutcomes")]
    assert tokens == OUTCOME_TOKENS


def test_outcome_groups():
    assert [group["token"] for group in outcome_groups()] == [
        "granted",
        "partial",
        "denied",
        "unable",
        "not_processed",
        "other",
    ]
    counts = {}
    for token in OUTCOME_TOKENS:
        group = application_outcome(token)["group"]
        counts[group] = counts.get(group, 0) + 1
    assert counts == {
        "granted": 1,
        "partial": 1,
        "denied": 8,
        "unable": 3,
        "not_processed": 5,
        "other": 3,
    }


@pytest.mark.parametrize(
    ("token", "group", "label", "title", "basis"),
    [
        (
            "granted",
            "granted",
            "（一）予以公开",
            "（一）予以公开",
            "条例第36条第（二）项",
        ),
        (
            "partial",
            "partial",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "条例第37条",
        ),
        (
            "state_secret",
            "denied",
            "1.属于国家秘密",
            "（三）不予公开 / 1.属于国家秘密",
            "条例第14条",
        ),
        (
            "three_security_one_stability",
            "denied",
            "3.危及“三安全一稳定”",
            "（三）不予公开 / 3.危及“三安全一稳定”",
            "条例第14条（国家安全、公共安全、经济安全、社会稳定）",
        ),
        (
            "needs_creation",
            "unable",
            "2.没有现成信息需要另行制作",
            "（四）无法提供 / 2.没有现成信息需要另行制作",
            "条例第38条",
        ),
        (
            "mass_repeat",
            "not_processed",
            "4.无正当理由大量反复申请",
            "（五）不予处理 / 4.无正当理由大量反复申请",
            "条例第35条",
        ),
        (
            "no_fee",
            "other",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "（六）其他处理 / 2.申请人逾期未按收费通知要求缴纳费用、"
            "行政机关不再处理其政府信息公开申请",
            "国办函〔2020〕109号",
        ),
        ("other", "other", "3.其他", "（六）其他处理 / 3.其他", ""),
    ],
)
def test_outcome_labels_groups_and_bases(token, group, label, title, basis):
    outcome = application_outcome(token)
    assert (outcome["group"], outcome["label"], outcome["title"]) == (
        group,
        label,
        title,
    )
    assert outcome["basis"] == basis


# Subject categories ----------------------------------------------------------------


def test_subject_tree_has_22_top_categories():
    tree = subject_tree()
    assert len(tree) == 22
    assert [category["token"] for category in tree] == [
        f"{index:02d}" for index in range(1, 23)
    ]
    assert tree[0]["title"] == "国务院组织机构"
    assert tree[1]["title"] == "综合政务"
    assert tree[17]["title"] == "民族、宗教"
    assert tree[21] == {
        "token": "22",
        "title": "其他",
        "title_mn": "ᠪᠤᠰᠤᠳ",
        "children": [],
    }
    assert sum(len(category["children"]) for category in tree) == 121


def test_subject_children_are_titled_parent_slash_child():
    vocabulary = get_vocabulary("tongliao.disclosure.SubjectCategories")
    assert len(vocabulary) == 22 + 121
    assert vocabulary.getTermByToken("02").title == "综合政务"
    assert vocabulary.getTermByToken("02.01").title == "综合政务 / 政务公开"
    assert vocabulary.getTermByToken("18.01").title == "民族、宗教 / 民族事务"
    assert (
        vocabulary.getTermByToken("04.04").title == "财政、金融、审计 / 货币（含外汇）"
    )
    assert vocabularies.subject_parent("02.01") == "02"
    assert vocabularies.subject_parent("02") == "02"


def test_subject_tree_returns_a_copy():
    subject_tree()[1]["children"].clear()
    assert len(subject_tree()[1]["children"]) == 9


def test_agency_category_can_be_replaced_by_a_city_list():
    city = {
        "token": "tl",
        "title": "通辽市组织机构",
        "children": [
            {"token": "tl.01", "title": "市人民政府"},
            {"token": "tl.02", "title": "市人民政府办公室"},
        ],
    }
    tree = subject_tree(agency_category=city)
    assert len(tree) == 22
    assert [category["token"] for category in tree[:2]] == ["tl", "02"]
    vocabulary = vocabularies.build_subject_vocabulary(tree)
    assert (
        vocabulary.getTermByToken("tl.02").title == "通辽市组织机构 / 市人民政府办公室"
    )
    assert "01.01" not in vocabulary.by_token
    assert "02.01" in vocabulary.by_token


@pytest.mark.parametrize(
    "agency_category",
    [
        {"token": "02", "title": "重复", "children": []},
        {"token": "TL", "title": "大写", "children": []},
        {
            "token": "tl",
            "title": "错位",
            "children": [{"token": "xx.01", "title": "甲"}],
        },
    ],
)
def test_agency_category_replacement_is_checked(agency_category):
    with pytest.raises(ValueError, match=r"subject token|is not under"):
        subject_tree(agency_category=agency_category)


# Annual report layout ----------------------------------------------------------------


def _outcome_rows(layout):
    results = next(row for row in layout["table3"]["rows"] if row["key"] == "results")
    for item in results["items"]:
        if item["key"] == "total":
            continue
        yield from item.get("sub", [item])


def test_annual_report_sections():
    assert [section["label"] for section in annual_report_layout()["sections"]] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]


def test_annual_report_table2():
    blocks = annual_report_layout()["table2"]["blocks"]
    assert [block["caption"] for block in blocks] == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    assert [column["label"] for column in blocks[0]["columns"]] == [
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
    ]
    assert [row["label"] for block in blocks for row in block["rows"]] == [
        "规章",
        "行政规范性文件",
        "行政许可",
        "行政处罚",
        "行政强制",
        "行政事业性收费",
    ]
    assert blocks[3]["columns"][1]["label"] == "本年收费金额（单位：万元）"


def test_annual_report_table3_matches_the_vocabularies():
    layout = annual_report_layout()
    table3 = layout["table3"]
    assert table3["corner_note"] == (
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    )
    rows = list(_outcome_rows(layout))
    assert [row["key"] for row in rows] == OUTCOME_TOKENS
    for row in rows:
        assert row["label"] == application_outcome(row["key"])["label"]
    columns = table3["columns"]
    applicant_columns = [columns[0]["key"]]
    applicant_columns += [column["key"] for column in columns[1]["columns"]]
    applicant_tokens = _pairs("tongliao.disclosure.ApplicantTypes")
    assert applicant_columns == [token for token, _ in applicant_tokens]
    assert columns[1]["label"] == "法人或其他组织"
    assert columns[-1] == {"key": "total", "label": "总计"}
    assert [row["label"] for row in table3["rows"]] == [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果",
        "四、结转下年度继续办理",
    ]


def test_annual_report_table4_has_15_numbers():
    blocks = annual_report_layout()["table4"]["blocks"]
    leaves = [blocks[0], *blocks[1]["blocks"]]
    assert [leaf["label"] for leaf in leaves] == [
        "行政复议",
        "未经复议直接起诉",
        "复议后起诉",
    ]
    assert blocks[1]["label"] == "行政诉讼"
    labels = [column["label"] for leaf in leaves for column in leaf["columns"]]
    assert labels == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3


def test_annual_report_layout_is_a_copy():
    annual_report_layout()["sections"].clear()
    assert len(annual_report_layout()["sections"]) == 6


# ZCML -------------------------------------------------------------------------------


@pytest.fixture
def zcml_loaded():
    """Load vocabularies/configure.zcml into a throw-away global registry."""
    zca.pushGlobalRegistry()
    try:
        context = zca.stackConfigurationContext(name="tongliao.disclosure.vocab")
        xmlconfig.file("meta.zcml", zope.component, context=context)
        xmlconfig.file("configure.zcml", vocabularies, context=context)
        yield
    finally:
        zca.popGlobalRegistry()


def test_zcml_registers_every_factory(zcml_loaded):
    registered = {
        name
        for name, _ in zope.component.getUtilitiesFor(IVocabularyFactory)
        if name.startswith("tongliao.disclosure.")
    }
    assert registered == set(ALL_NAMES)
    for name in ALL_NAMES:
        factory = zope.component.getUtility(IVocabularyFactory, name=name)
        assert factory(None) is get_vocabulary(name)
