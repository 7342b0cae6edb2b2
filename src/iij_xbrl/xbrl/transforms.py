"""Inline XBRL Transformation Registry, versions 1 to 5: displayed text -> the fact's lexical value.

Each version is its own namespace and a name is looked up only in its own version (TR4 renamed
`numdotdecimal` to `num-dot-decimal`). The patterns are those of the registries as Arelle 2.47.3 applies
them (arelle/FunctionIxt.py), so that a value one accepts the other accepts: e.g. TR4 `num-dot-decimal`
checks only the character set (`1,2,34` is 1234) while TR2/TR3 `numdotdecimal` wants groups of three.
Implemented: every numeric transformation, the booleans and fixed values, and the numeric and English and
Japanese date formats. `lookup` tells a name the registry does not define (ix11.10.1.2:invalidTransformation)
from one it defines that is not implemented here (reported as such, never guessed).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Callable

TR1 = "http://www.xbrl.org/inlineXBRL/transformation/2010-04-20"
TR2 = "http://www.xbrl.org/inlineXBRL/transformation/2011-07-31"
TR3 = "http://www.xbrl.org/inlineXBRL/transformation/2015-02-26"
TR4 = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
TR5 = "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16"
PRE_REC = "http://www.xbrl.org/2008/inlineXBRL/transformation"  # Arelle reads it as TR1 (deprecated)

_WS = "[ \t\n\r]*"


def _p(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# ---- numbers -------------------------------------------------------------------------------------------
_DECIMAL = _p(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
_CANONICAL = _p(r"^[ \t\n\r]*0*([1-9][0-9]*)?(([.]0*)[ \t\n\r]*$|([.][0-9]*[1-9])0*[ \t\n\r]*$|[ \t\n\r]*$)")
_ZERO_DASH = _p(rf"^{_WS}([-\u058A\u05BE\u2010\u2011\u2012\u2013\u2014\u2015\uFE58\uFE63\uFF0D]){_WS}$")
_NUM_DOT_DECIMAL = _p(rf"^{_WS}[0-9]{{1,3}}([, \xA0]?[0-9]{{3}})*(\.[0-9]+)?{_WS}$")
_NUM_DOT_DECIMAL_TR4 = _p(rf"^{_WS}[, \xA00-9]*(\.[ \xA00-9]+)?{_WS}$")
_NUM_DOT_DECIMAL_APOS = _p(rf"^{_WS}[,'`´’′ \u00a00-9]*(\.[ \u00a00-9]+)?{_WS}$")
_NUM_DOT_DECIMAL_IN = _p(r"^(([0-9]{1,2}[, \xA0])?([0-9]{2}[, \xA0])*[0-9]{3})([.][0-9]+)?$|^([0-9]+)([.][0-9]+)?$")
_NUM_COMMA_DECIMAL = _p(rf"^{_WS}[0-9]{{1,3}}([. \xA0]?[0-9]{{3}})*(,[0-9]+)?{_WS}$")
_NUM_COMMA_DECIMAL_TR4 = _p(rf"^{_WS}[\. \xA00-9]*(,[ \xA00-9]+)?{_WS}$")
_NUM_COMMA_DECIMAL_APOS = _p(rf"^{_WS}[\.'`´’′ \u00a00-9]*(,[ \u00a00-9]+)?{_WS}$")
_NUM_UNIT_DECIMAL = _p(r"^([0]|([1-9][0-9]{0,2}([.,\uFF0C\uFF0E]?[0-9]{3})*))[^0-9,.\uFF0C\uFF0E]+([0-9]{1,2})"
                       r"[^0-9,.\uFF0C\uFF0E]*$")
_NUM_UNIT_DECIMAL_IN = _p(r"^(([0-9]{1,2}[, \xA0])?([0-9]{2}[, \xA0])*[0-9]{3})([^0-9]+)([0-9]{1,2})([^0-9]*)$|"
                          r"^([0-9]+)([^0-9]+)([0-9]{1,2})([^0-9]*)$")
_NUM_UNIT_DECIMAL_TR4 = _p(r"^([0-9０-９\.,，]+)([^0-9０-９\.,，][^0-9０-９]*)([0-9０-９]{1,2})[^0-9０-９]*$")
_NUM_UNIT_DECIMAL_APOS = _p(r"^([0-9０-９\.,，'`´’′＇]+)([^0-9０-９\.,，'`´’′＇][^0-9０-９]*)([0-9０-９]{1,2})"
                            r"[^0-9０-９]*$")
_NUM_COMMA = _p(rf"^{_WS}[0-9]+(,[0-9]+)?{_WS}$")
_NUM_COMMA_DOT = _p(rf"^{_WS}[0-9]{{1,3}}(,[0-9]{{3,3}})*([.][0-9]+)?{_WS}$")
_NUM_DASH = _p(rf"^{_WS}-{_WS}$")
_NUM_DOT_COMMA = _p(rf"^{_WS}[0-9]{{1,3}}([.][0-9]{{3,3}})*(,[0-9]+)?{_WS}$")
_NUM_SPACE_DOT = _p(rf"^{_WS}[0-9]{{1,3}}([ \xA0][0-9]{{3,3}})*([.][0-9]+)?{_WS}$")
_NUM_SPACE_COMMA = _p(rf"^{_WS}[0-9]{{1,3}}([ \xA0][0-9]{{3,3}})*(,[0-9]+)?{_WS}$")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_APOS = str.maketrans("", "", "'`´’′＇")


class TransformError(ValueError):
    """The text is not in the transformation's lexical space (ix11.10.1.1:transformValueError)."""


def _canonical(n: str) -> str:
    m = _CANONICAL.match(n)
    if m is None:
        raise TransformError(n)
    return (m.group(1) or "0") + (m.group(4) or "")


def _strip(arg: str, *chars: str) -> str:
    for c in chars:
        arg = arg.replace(c, "")
    return arg


def _matching(pattern: re.Pattern[str], result: Callable[[str], str]) -> Callable[[str], str]:
    def transform(arg: str) -> str:
        if pattern.match(arg) is None:
            raise TransformError(arg)
        return result(arg)
    return transform


def _decimal_checked(text: str) -> str:
    if _DECIMAL.match(text) is None:
        raise TransformError(text)
    return _canonical(text)


numdotdecimal = _matching(_NUM_DOT_DECIMAL, lambda a: _strip(a, ",", " ", "\xa0"))
numcommadecimal = _matching(_NUM_COMMA_DECIMAL, lambda a: _strip(a, ".", " ", "\xa0").replace(",", "."))
num_dot_decimal = _matching(_NUM_DOT_DECIMAL_TR4, lambda a: _decimal_checked(_strip(a, ",", " ", "\xa0")))
num_comma_decimal = _matching(_NUM_COMMA_DECIMAL_TR4,
                              lambda a: _decimal_checked(_strip(a, ".", " ", "\xa0").replace(",", ".")))
num_dot_decimal_apos = _matching(_NUM_DOT_DECIMAL_APOS,
                                 lambda a: _decimal_checked(_strip(a.translate(_APOS), ",", " ", "\xa0")))
num_comma_decimal_apos = _matching(_NUM_COMMA_DECIMAL_APOS, lambda a: _decimal_checked(
    _strip(a.translate(_APOS), ".", " ", "\xa0").replace(",", ".")))
numcommadot = _matching(_NUM_COMMA_DOT, lambda a: a.replace(",", ""))
numdash = _matching(_NUM_DASH, lambda a: a.replace("-", "0"))
numspacedot = _matching(_NUM_SPACE_DOT, lambda a: _strip(a, " ", "\xa0"))
numcomma = _matching(_NUM_COMMA, lambda a: a.replace(",", "."))
numdotcomma = _matching(_NUM_DOT_COMMA, lambda a: a.replace(".", "").replace(",", "."))
numspacecomma = _matching(_NUM_SPACE_COMMA, lambda a: _strip(a, " ", "\xa0").replace(",", "."))
zerodash = _matching(_ZERO_DASH, lambda a: "0")


def fixed(value: str) -> Callable[[str], str]:
    return lambda arg: value


def _z2(text: str) -> str:
    return text.zfill(2) if len(text) == 1 else text


def numdotdecimalin(arg: str) -> str:
    m = _NUM_DOT_DECIMAL_IN.match(arg)
    if m is None:
        raise TransformError(arg)
    groups = [g for g in m.groups() if g is not None]
    fraction = groups[-1] if groups[-1].startswith(".") else ""
    return _strip(groups[0], ",", " ", "\xa0") + fraction


def numunitdecimal(arg: str) -> str:
    m = _NUM_UNIT_DECIMAL.match(arg.translate(_FULL_WIDTH))
    if m is None or not m.lastindex or m.lastindex <= 1:
        raise TransformError(arg)
    return f"{_strip(m.group(1), '.', ',', chr(0xFF0C), chr(0xFF0E))}.{_z2(m.group(m.lastindex))}"


def _unit_decimal(pattern: re.Pattern[str], extra: tuple[str, ...]) -> Callable[[str], str]:
    def transform(arg: str) -> str:
        m = pattern.match(arg.translate(_FULL_WIDTH))
        if m is None or not m.lastindex or m.lastindex <= 1:
            raise TransformError(arg)
        major = _strip(m.group(1), ".", ",", "\uFF0C", "\uFF0E", *extra)
        minor = _z2(m.group(m.lastindex))
        if not major or not minor:
            raise TransformError(arg)
        return _canonical(f"{major}.{minor}")
    return transform


def numunitdecimalin(arg: str) -> str:
    m = _NUM_UNIT_DECIMAL_IN.match(arg)
    if m is None:
        raise TransformError(arg)
    groups = [g for g in m.groups() if g is not None]
    return f"{_strip(groups[0], ',', ' ', chr(0xA0))}.{_z2(groups[-2])}"


# ---- dates ---------------------------------------------------------------------------------------------
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_EN = f"{_MONTHS}|{_MON}|{_MON.upper()}|{_MONTHS.upper()}"
_MONTH_NUMBER = {**{m.lower(): i for i, m in enumerate(_MONTHS.split("|"), 1)},
                 **{m.lower(): i for i, m in enumerate(_MON.split("|"), 1)}}
_ERA = {"令和": 2018, "令": 2018, "平成": 1988, "平": 1988, "明治": 1867, "明": 1867, "大正": 1911, "大": 1911,
        "昭和": 1925, "昭": 1925}
_DATE_SLASH = _p(rf"^{_WS}(\d+)/(\d+)/(\d+){_WS}$")
_DATE_DOT = _p(rf"^{_WS}(\d+)\.(\d+)\.(\d+){_WS}$")
_DMY = _p(rf"^{_WS}([0-9]{{1,2}})[^0-9]+([0-9]{{1,2}})[^0-9]+([0-9]{{4}}|[0-9]{{1,2}}){_WS}$")
_YMD = _p(rf"^{_WS}([0-9]{{4}}|[0-9]{{1,2}})[^0-9]+([0-9]{{1,2}})[^0-9]+([0-9]{{1,2}})[^0-9]*$")
_DM = _p(rf"^{_WS}([0-9]{{1,2}})[^0-9]+([0-9]{{1,2}}){_WS}$")
_MD = _p(rf"^{_WS}([0-9]{{1,2}})[^0-9]+([0-9]{{1,2}})[A-Za-z]*{_WS}$")
_MY = _p(rf"^{_WS}([0-9]{{1,2}})[^0-9]+([0-9]{{4}}|[0-9]{{1,2}}){_WS}$")
_YM = _p(rf"^{_WS}([0-9]{{4}}|[0-9]{{1,2}})[^0-9]+([0-9]{{1,2}})[^0-9]*$")
_DMY_EN = _p(rf"^{_WS}([0-9]{{1,2}})[^0-9]+({_EN})[^0-9]+([0-9]{{4}}|[0-9]{{1,2}}){_WS}$")
_MDY_EN = _p(rf"^{_WS}({_EN})[^0-9]+([0-9]+)[^0-9]+([0-9]{{4}}|[0-9]{{1,2}}){_WS}$")
_DM_EN = _p(rf"^{_WS}([0-9]{{1,2}})[^0-9]+({_EN}){_WS}$")
_MD_EN = _p(rf"^{_WS}({_EN})[^0-9]+([0-9]{{1,2}})[A-Za-z]{{0,2}}{_WS}$")
_MY_EN = _p(rf"^{_WS}({_EN})[^0-9]+([0-9]{{1,2}}|[0-9]{{4}}){_WS}$")
_YM_EN = _p(rf"^{_WS}([0-9]{{1,2}}|[0-9]{{4}})[^0-9]+({_EN}){_WS}$")
_LONG_US_TR1 = _p(rf"^{_WS}({_MONTHS}) (\d|\d{{2,2}}), (\d{{2,2}}|\d{{4,4}}){_WS}$")
_SHORT_US_TR1 = _p(rf"^{_WS}({_MON}) (\d|\d{{2,2}}), (\d{{2,2}}|\d{{4,4}}){_WS}$")
_LONG_UK_TR1 = _p(rf"^{_WS}(\d|\d{{2,2}}) ({_MONTHS}) (\d{{2,2}}|\d{{4,4}}){_WS}$")
_SHORT_UK_TR1 = _p(rf"^{_WS}(\d|\d{{2,2}}) ({_MON}) (\d{{2,2}}|\d{{4,4}}){_WS}$")
_JP = "[\\s\u3000]*"
_ERA_YMD = _p(rf"^{_JP}(明治|明|大正|大|昭和|昭|平成|平|令和|令){_JP}([0-9]{{1,2}}|元){_JP}(年){_JP}([0-9]{{1,2}}){_JP}(月)"
              rf"{_JP}([0-9]{{1,2}}){_JP}(日){_JP}$")
_ERA_YM = _p(rf"^{_JP}(明治|明|大正|大|昭和|昭|平成|平|令和|令){_JP}([0-9]{{1,2}}|元){_JP}(年){_JP}([0-9]{{1,2}}){_JP}(月){_JP}$")
_CJK_YMD = _p(rf"^{_JP}([0-9]{{1,2}}|[0-9]{{4}}){_JP}(年){_JP}([0-9]{{1,2}}){_JP}(月){_JP}([0-9]{{1,2}}){_JP}(日){_JP}$")
_CJK_YM = _p(rf"^{_JP}([0-9]{{1,2}}|[0-9]{{4}}){_JP}(年){_JP}([0-9]{{1,2}}){_JP}(月){_JP}$")


def _yr4(text: str) -> str:
    return {1: "200", 2: "20"}.get(len(text), "") + text  # as Arelle: 9 -> 2009, 12 -> 2012


def _ymd(y: str | int, m: str | int, d: str | int) -> str:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        raise TransformError(f"{y}-{m}-{d}") from None


def _month(text: str) -> int:
    return _MONTH_NUMBER[text.lower()] if not text.isdigit() else int(text)


def _date(pattern: re.Pattern[str], dy: int, mo: int, yr: int, digits: bool = False) -> Callable[[str], str]:
    def transform(arg: str) -> str:
        m = pattern.match(arg.translate(_FULL_WIDTH) if digits else arg)
        if m is None:
            raise TransformError(arg)
        return _ymd(_yr4(m.group(yr)), _month(m.group(mo)), m.group(dy))
    return transform


def _date_text(pattern: re.Pattern[str], dy: int, mo: int, yr: int) -> Callable[[str], str]:
    """TR1's slash and dot dates: the text rearranged unchecked (31/12 under "us" gives month 31); the
    value's type then rejects an impossible date (xmlSchema:valueError), as in Arelle."""
    def transform(arg: str) -> str:
        m = pattern.match(arg)
        if m is None:
            raise TransformError(arg)
        return f"{_yr4(m.group(yr))}-{_z2(m.group(mo))}-{_z2(m.group(dy))}"
    return transform


def _month_day(pattern: re.Pattern[str], dy: int, mo: int) -> Callable[[str], str]:
    def transform(arg: str) -> str:
        m = pattern.match(arg)
        if m is None:
            raise TransformError(arg)
        month, day = _month(m.group(mo)), int(m.group(dy))
        _ymd(2000, month, day)  # a leap year: --02-29 is a valid gMonthDay
        return f"--{month:02}-{day:02}"
    return transform


def _year_month(pattern: re.Pattern[str], yr: int, mo: int, digits: bool = False) -> Callable[[str], str]:
    def transform(arg: str) -> str:
        m = pattern.match(arg.translate(_FULL_WIDTH) if digits else arg)
        if m is None:
            raise TransformError(arg)
        month = _month(m.group(mo))
        if not 1 <= month <= 12:
            raise TransformError(arg)
        return f"{_yr4(m.group(yr))}-{month:02}"
    return transform


def _kanji(pattern: re.Pattern[str], era: bool, with_day: bool) -> Callable[[str], str]:
    """年月(日) dates, full-width digits allowed; with `era` the year counts from a Japanese era (元 = 1)."""
    first = 3 if era else 2  # the group of the month: an era pattern has one more group before it

    def transform(arg: str) -> str:
        m = pattern.match(arg.translate(_FULL_WIDTH))
        if m is None:
            raise TransformError(arg)
        year = str(_ERA[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))) if era else _yr4(m.group(1))
        month = m.group(first + 1)
        if with_day:
            return _ymd(year, month, m.group(first + 3))
        if not 1 <= int(month) <= 12:
            raise TransformError(arg)
        return f"{year}-{int(month):02}"
    return transform


_TR1 = {
    "dateslashus": _date_text(_DATE_SLASH, 2, 1, 3), "dateslasheu": _date_text(_DATE_SLASH, 1, 2, 3),
    "datedotus": _date_text(_DATE_DOT, 2, 1, 3), "datedoteu": _date_text(_DATE_DOT, 1, 2, 3),
    "datelongus": _date(_LONG_US_TR1, 2, 1, 3), "dateshortus": _date(_SHORT_US_TR1, 2, 1, 3),
    "datelonguk": _date(_LONG_UK_TR1, 1, 2, 3), "dateshortuk": _date(_SHORT_UK_TR1, 1, 2, 3),
    "numcommadot": numcommadot, "numdash": numdash, "numspacedot": numspacedot, "numdotcomma": numdotcomma,
    "numcomma": numcomma, "numspacecomma": numspacecomma,
}
_TR1_ONLY_NAMES = ("datelongdaymonthuk", "dateshortdaymonthuk", "datelongmonthdayus", "dateshortmonthdayus",
                   "dateslashdaymontheu", "dateslashmonthdayus", "datelongyearmonth", "dateshortyearmonth",
                   "datelongmonthyear", "dateshortmonthyear")
_TR2 = {
    "booleanfalse": fixed("false"), "booleantrue": fixed("true"),
    "datedaymonth": _month_day(_DM, 1, 2), "datedaymonthen": _month_day(_DM_EN, 1, 2),
    "datedaymonthyear": _date(_DMY, 1, 2, 3), "datedaymonthyearen": _date(_DMY_EN, 1, 2, 3),
    "dateerayearmonthdayjp": _kanji(_ERA_YMD, True, True), "dateerayearmonthjp": _kanji(_ERA_YM, True, False),
    "datemonthday": _month_day(_MD, 2, 1), "datemonthdayen": _month_day(_MD_EN, 2, 1),
    "datemonthdayyear": _date(_DMY, 2, 1, 3), "datemonthdayyearen": _date(_MDY_EN, 2, 1, 3),
    "datemonthyearen": _year_month(_MY_EN, 2, 1), "dateyearmonthdaycjk": _kanji(_CJK_YMD, False, True),
    "dateyearmonthen": _year_month(_YM_EN, 1, 2), "dateyearmonthcjk": _kanji(_CJK_YM, False, False),
    "nocontent": fixed(""), "numcommadecimal": numcommadecimal, "zerodash": zerodash,
    "numdotdecimal": numdotdecimal, "numunitdecimal": numunitdecimal,
}
_TR3 = {**_TR2, "datemonthyear": _year_month(_MY, 2, 1), "dateyearmonthday": _date(_YMD, 3, 2, 1, digits=True),
        "numdotdecimalin": numdotdecimalin, "numunitdecimalin": numunitdecimalin}
_TR3_NAMES = ("calindaymonthyear", "datedaymonthdk", "datedaymonthyeardk", "datedaymonthyearin",
              "datemonthyeardk", "datemonthyearin")
_TR4 = {
    "date-day-month": _month_day(_DM, 1, 2), "date-day-monthname-en": _month_day(_DM_EN, 1, 2),
    "date-day-month-year": _date(_DMY, 1, 2, 3), "date-day-monthname-year-en": _date(_DMY_EN, 1, 2, 3),
    "date-jpn-era-year-month-day": _kanji(_ERA_YMD, True, True), "date-jpn-era-year-month": _kanji(_ERA_YM, True, False),
    "date-monthname-day-en": _month_day(_MD_EN, 2, 1), "date-monthname-day-year-en": _date(_MDY_EN, 2, 1, 3),
    "date-month-day": _month_day(_MD, 2, 1), "date-month-day-year": _date(_DMY, 2, 1, 3),
    "date-month-year": _year_month(_MY, 2, 1), "date-monthname-year-en": _year_month(_MY_EN, 2, 1),
    "date-year-month": _year_month(_YM, 1, 2, digits=True), "date-year-month-day": _date(_YMD, 3, 2, 1, digits=True),
    "date-year-monthname-en": _year_month(_YM_EN, 1, 2),
    "fixed-empty": fixed(""), "fixed-false": fixed("false"), "fixed-true": fixed("true"), "fixed-zero": fixed("0"),
    "num-comma-decimal": num_comma_decimal, "num-dot-decimal": num_dot_decimal,
    "numdotdecimalin": lambda a: _canonical(numdotdecimalin(a)),
    "num-unit-decimal": _unit_decimal(_NUM_UNIT_DECIMAL_TR4, ()),
}
# TR4 names for the other languages' month names, the Hindi and Indian-calendar dates and roman months
_LANGUAGES = "bg cs da de el es et fi fr hr it lv nl no pl pt ro sk sl sv".split()
_TR4_NAMES = tuple(f"date-day-monthname-{x}" for x in _LANGUAGES) + tuple(
    f"date-day-monthname-year-{x}" for x in _LANGUAGES + ["hi"]) + tuple(
    f"date-monthname-year-{x}" for x in _LANGUAGES + ["hi"]) + (
    "date-day-monthroman", "date-day-monthroman-year", "date-ind-day-monthname-year-hi", "date-monthname-day-hu",
    "date-monthname-day-lt", "date-monthroman-year", "date-year-day-monthname-lv", "date-year-monthname-hu",
    "date-year-monthname-day-hu", "date-year-monthname-day-lt", "date-year-monthname-lt", "date-year-monthname-lv")
_TR5 = {**_TR4, "num-comma-decimal-apos": num_comma_decimal_apos, "num-dot-decimal-apos": num_dot_decimal_apos,
        "num-unit-decimal-apos": _unit_decimal(_NUM_UNIT_DECIMAL_APOS, ("'", "`", "´", "’", "′", "＇"))}
_TR5_NAMES = _TR4_NAMES + ("date-day-monthname-cy", "date-day-monthname-year-cy", "date-monthname-year-cy")

REGISTRIES: dict[str, tuple[dict[str, Callable[[str], str]], tuple[str, ...]]] = {
    TR1: (_TR1, _TR1_ONLY_NAMES), PRE_REC: (_TR1, _TR1_ONLY_NAMES), TR2: (_TR2, ()), TR3: (_TR3, _TR3_NAMES),
    TR4: (_TR4, _TR4_NAMES), TR5: (_TR5, _TR5_NAMES),
}


def lookup(namespace: str | None, name: str) -> Callable[[str], str] | str:
    """The transformation, or why there is none: "unknown" (not in that registry version) or "not implemented"."""
    registry = REGISTRIES.get(namespace or "")
    if registry is None:
        return "unknown"
    functions, named_only = registry
    if name in functions:
        return functions[name]
    return "not implemented" if name in named_only else "unknown"
