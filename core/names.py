"""How desks write things: text made plain, and every name an area goes by.

One resolver for every command, dialog and import (:func:`area_keys`), so ``沙坪坝`` finds
沙坪坝区 on every road.
"""
from __future__ import annotations

import re
import unicodedata

import pandas as pd


def normalize(text: object) -> str:
    """Text as a desk meant it: full-width digits and punctuation made plain (``９８．６`` ->
    ``98.6``, ``１，２００`` -> ``1,200``), the minus sign a hyphen, outer blanks dropped."""
    return unicodedata.normalize("NFKC", str(text)).replace("\u2212", "-").strip()


_AREA_SUFFIX_EN = re.compile(r"\s+(district|county|autonomous county|tujia.*|miao.*)$")
_AREA_SUFFIX_ZH = re.compile(r"(土家族苗族自治县|苗族土家族自治县|土家族自治县|自治县|区|县|市)$")


def area_keys(areas: pd.DataFrame) -> dict[str, str]:
    """Every way a desk names an area -> its code: the code, the Chinese and English names
    (any case), and the short names (``沙坪坝`` for 沙坪坝区, ``Shapingba`` for Shapingba
    District) where they name one area only."""
    keys: dict[str, str] = {}
    short: dict[str, set[str]] = {}
    for code, zh, en in zip(areas["code"], areas["name_zh"], areas["name_en"]):
        for k in (code, zh, en):
            keys[normalize(k).lower()] = code
        for k in (_AREA_SUFFIX_ZH.sub("", normalize(zh)),
                  _AREA_SUFFIX_EN.sub("", normalize(en).lower())):
            if k:
                short.setdefault(k.lower(), set()).add(code)
    for k, codes in short.items():
        if len(codes) == 1 and k not in keys:
            keys[k] = next(iter(codes))
    return keys
