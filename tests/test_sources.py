"""Sources: every input shape becomes RawArticles or Rejects with a reason; nothing raises."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
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


def test_a_deeply_nested_line_is_one_reject_and_the_other_lines_load(tmp_path: Path):
    """1,000 levels of [[[...]]] (2 KB) made json raise RecursionError, which failed the run."""
    path = tmp_path / "dump.jsonl"
    deep = "[" * 1000 + "]" * 1000
    path.write_text("\n".join([json.dumps({"id": "a1", "text": "Body one."}), deep,
                               '{"id": "a2", "text": ' + deep + "}", json.dumps({"id": "a3", "text": "Body three."})]),
                    encoding="utf-8")
    raws, rejects = _all(path)
    assert [r.source_id for r in raws] == ["a1", "a3"]
    assert [(Path(r.source_id).name, r.reason) for r in rejects] == [("dump.jsonl:2", "broken JSON line"),
                                                                     ("dump.jsonl:3", "broken JSON line")]
    assert all("nested too deeply" in r.detail for r in rejects)
    whole = tmp_path / "dump.json"
    whole.write_text(deep, encoding="utf-8")
    _, [reject] = _all(whole)
    assert reject.reason == "broken JSON" and "nested too deeply" in reject.detail


@pytest.mark.parametrize("value, said", [(None, "null"), (42, "a number"), (["a", "b"], "a list"),
                                         ({"p": "x"}, "an object"), (True, "true (a boolean)")])
def test_a_text_field_that_is_not_text_says_what_it_is(tmp_path: Path, value, said):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "r1", "text": value}) + "\n", encoding="utf-8")
    _, [reject] = _all(path)
    assert reject.reason == "no text"
    assert reject.detail == f"the record's text is {said}, not a string of text"
    assert "has no" not in reject.detail


def test_ids_are_text_as_json_writes_them_never_a_python_repr(tmp_path: Path):
    path = tmp_path / "d.jsonl"
    records = [{"id": {"site": "x", "n": [1, 2]}, "text": "One."}, {"id": 7, "text": "Two."},
               {"id": True, "text": "Three."}, {"id": "x" * 2000, "text": "Four."},
               {"id": {"a": "é"}, "source": ["wire", 1], "text": "Five."}]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    raws, [reject] = _all(path)
    assert [r.source_id for r in raws] == ['{"n":[1,2],"site":"x"}', "7", "true", '{"a":"é"}']
    assert raws[-1].source == '["wire",1]'
    assert reject.reason == "bad id" and "2,000 characters" in reject.detail


def test_the_same_folder_under_two_names_reads_as_one(tmp_path: Path):
    """A symlinked folder: the same source, source ids and so article ids; given twice, read once."""
    real = tmp_path / "src"
    real.mkdir()
    (real / "a.txt").write_text("Title\n\nBody of a.", encoding="utf-8")
    (real / "b.jsonl").write_text(json.dumps({"id": "r1", "text": "Body of r1."}) + "\n", encoding="utf-8")
    (tmp_path / "alias").symlink_to(real, target_is_directory=True)
    (real / "loop").symlink_to(real, target_is_directory=True)  # a link loop inside: not followed
    direct, _ = _all(real)
    aliased, _ = _all(tmp_path / "alias")
    assert [(r.source, r.source_id) for r in aliased] == [(r.source, r.source_id) for r in direct]
    assert [r.source for r in direct] == ["src", "b"]
    seen: set[Path] = set()
    first = list(iter_source(str(real), seen=seen))
    again = list(iter_source(str(tmp_path / "alias"), seen=seen))
    assert len(first) == 2
    assert [(r.reason, r.detail) for r in again] == [
        ("duplicate source", f"the same folder as {real}, given earlier in this run; read once")]
