"""Hostile and broken files: refused with a clear message, in bounded time, db unchanged.

The corpus is built here in tmp_path; no binary is committed.
"""
from __future__ import annotations

import os
import zipfile

import pytest

from core.excel.importer import read_import
from core.excel.safety import UnsafeFileError, check_workbook

from .conftest import assert_unchanged, snapshot

BILLION_LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n')


def _rewrite(src, dest, member_pred, transform):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, transform(data) if member_pred(info.filename) else data)
    return dest


def _body(xml: bytes) -> bytes:
    """The XML without its declaration."""
    return xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml


def _corpus(tmp_path, exported):
    c = {}
    c["random bytes"] = (tmp_path / "random.xlsx", os.urandom(4096), "not an Excel workbook")
    c["csv renamed"] = (tmp_path / "figures.xlsx",
                        "Indicator code,Area,Period,Value\nAIR.PM25,chongqing,2024H1,1\n"
                        .encode(), "not an Excel workbook")
    c["empty"] = (tmp_path / "empty.xlsx", b"", "not an Excel workbook")
    data = exported.read_bytes()
    c["truncated"] = (tmp_path / "truncated.xlsx", data[: len(data) // 2], "damaged or incomplete")
    c["password"] = (tmp_path / "locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2048),
                     "password-protected")
    zip_only = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(zip_only, "w") as z:
        z.writestr("notes.txt", "hello")
    c["zip not xlsx"] = (zip_only, None, "not an Excel workbook")
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"<sheetData>" + b" " * (60 * 2**20))
    c["zip bomb"] = (bomb, None, "zip bomb")
    c["entity in sheet"] = (_rewrite(exported, tmp_path / "entity.xlsx",
                                     lambda n: n.startswith("xl/worksheets/sheet3"),
                                     lambda d: BILLION_LAUGHS + _body(d)),
                            None, "DOCTYPE or ENTITY")
    c["entity in workbook part"] = (_rewrite(
        exported, tmp_path / "strings.xlsx", lambda n: n == "xl/workbook.xml",
        lambda d: b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + _body(d)),
        None, "DOCTYPE or ENTITY")
    c["utf-16 part"] = (_rewrite(exported, tmp_path / "utf16.xlsx",
                                 lambda n: n == "xl/workbook.xml",
                                 lambda d: d.decode().encode("utf-16")), None, "not UTF-8")
    return c


@pytest.fixture
def corpus(tmp_path, exported):
    out = {}
    for name, (path, data, expect) in _corpus(tmp_path, exported).items():
        if data is not None:
            path.write_bytes(data)
        out[name] = (path, expect)
    return out


def test_each_hostile_file_is_refused_with_the_database_unchanged(store, corpus):
    before = snapshot(store)
    for name, (path, expect) in corpus.items():
        with pytest.raises(UnsafeFileError) as err:
            read_import(store, path)
        assert expect in str(err.value), (name, str(err.value))
        assert path.name in str(err.value)
        assert "\n" not in str(err.value)
    assert_unchanged(store, before)


def test_the_directory_is_checked_before_anything_is_inflated(tmp_path, monkeypatch):
    path = tmp_path / "big.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"<a/>" * 1000)
    monkeypatch.setattr("core.excel.safety.MAX_TOTAL", 2000)
    opened = []
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *a, **k: opened.append(a) or 1 / 0)
    with pytest.raises(UnsafeFileError, match="would inflate to"):
        check_workbook(path)
    assert opened == []


def test_cli_refuses_with_one_line_and_non_zero_exit(store, corpus, capsys):
    from core.cli import main

    path, _ = corpus["password"]
    assert main(["import", str(path), "--db", store.url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "password-protected" in err


def test_an_export_passes_the_checks(exported):
    check_workbook(exported)
