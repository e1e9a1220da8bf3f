"""Sources: every input shape becomes RawArticles or Rejects with a reason; nothing raises."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from eventwire.extract.articles import RawArticle, Reject
from eventwire.extract.sources import iter_source, parse_date

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _all(source: Path, **kw) -> tuple[list[RawArticle], list[Reject]]:
    items = list(iter_source(str(source), **kw))
    return [i for i in items if isinstance(i, RawArticle)], [i for i in items if isinstance(i, Reject)]


def test_text_file_date_from_name_and_override(tmp_path: Path):
    path = tmp_path / "2014-05-27_slug.txt"
    path.write_text("A Title\n\nThe body.", encoding="utf-8")
    [raw], _ = _all(path)
    assert raw.published == date(2014, 5, 27) and raw.text.startswith("A Title")
    [raw], _ = _all(path, published=date(2020, 1, 2))
    assert raw.published == date(2020, 1, 2)
    undated = tmp_path / "slug.txt"
    undated.write_text("x\n\ny", encoding="utf-8")
    [raw], _ = _all(undated)
    assert raw.published is None


def test_folder_reads_known_suffixes_and_rejects_bad_files(tmp_path: Path):
    (tmp_path / "good.txt").write_text("Title\n\nGood body text.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(PNG)
    (tmp_path / "cyrillic.txt").write_bytes("Заголовок\n\nМинистр сказал.".encode("cp1251"))
    (tmp_path / "wide.txt").write_bytes("Title\n\nUTF-16 body.".encode("utf-16"))
    (tmp_path / "ignored.bin").write_bytes(PNG)
    raws, rejects = _all(tmp_path)
    by_name = {Path(r.source_id).name: r for r in raws}
    assert set(by_name) == {"good.txt", "cyrillic.txt", "wide.txt"}
    assert "Министр" in by_name["cyrillic.txt"].text  # decoded, not mojibake
    assert by_name["wide.txt"].text.startswith("Title")
    reasons = {Path(r.source_id).name: r.reason for r in rejects}
    assert reasons == {"empty.txt": "empty file", "image.txt": "not text"}
    assert "PNG" in next(r.detail for r in rejects if r.reason == "not text")


def test_oversized_file_is_rejected_with_its_size(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (2 * 1024 * 1024))  # 10 MB
    _, [reject] = _all(big)
    assert reject.reason == "file too large" and "MB" in reject.detail


def test_jsonl_with_broken_line_and_missing_text(tmp_path: Path):
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "T1", "published": "2021-05-05", "text": "Body one."}),
        '{"id": "broken", ',
        json.dumps({"id": "a2", "title": "T2"}),
        json.dumps({"id": "a3", "text": "Body three.", "published": "5 May 2021"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    raws, rejects = _all(path)
    assert [r.source_id for r in raws] == ["a1", "a3"]
    assert raws[1].published == date(2021, 5, 5)
    assert {r.reason for r in rejects} == {"broken JSON line", "no text"}
    assert any(r.source_id.endswith(":2") for r in rejects)


def test_field_mapping(tmp_path: Path):
    path = tmp_path / "aj.jsonl"
    path.write_text(json.dumps({"id": "x", "date": "2022-01-20", "body": "Text here."}) + "\n", encoding="utf-8")
    [raw], _ = _all(path, fields={"text": "body", "published": "date"})
    assert raw.text == "Text here." and raw.published == date(2022, 1, 20)
    _, [reject] = _all(path)
    assert reject.reason == "no text" and "--field" in reject.detail


def test_json_array_and_html_file(tmp_path: Path):
    (tmp_path / "recs.json").write_text(json.dumps([{"id": "j1", "text": "One."}, {"id": "j2", "html": "<p>Two.</p>"}]))
    (tmp_path / "page.html").write_text("<html><body><p>Hello.</p></body></html>")
    raws, rejects = _all(tmp_path)
    assert not rejects
    assert {r.source_id for r in raws if r.html} == {"j2", str((tmp_path / "page.html").resolve())}


def test_missing_path_is_a_reject(tmp_path: Path):
    _, [reject] = _all(tmp_path / "nope")
    assert reject.reason == "not found"


def test_parse_date_shapes():
    assert parse_date("2014-05-27T10:00:00Z") == date(2014, 5, 27)
    assert parse_date("27 May 2014") == date(2014, 5, 27)
    assert parse_date("not a date") is None
    assert parse_date(None) is None
