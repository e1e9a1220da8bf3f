"""SOURCE → RawArticle (or Reject): text files and folders, HTML pages, JSON and JSONL records.

Feeds live in `feeds.py`, because they go over the network and the flow wraps them in retries. Every
input that cannot be used becomes a `Reject` with a reason a person understands; nothing here raises
for bad input, so one bad file never stops the run.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from pathlib import Path

from .articles import RawArticle, Reject
from .decode import NotText, decode_bytes
from .readers import ReaderUnavailable

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

# A single article file larger than this is refused with its size rather than read into memory.
MAX_FILE_BYTES = 5 * 1024 * 1024
# A JSON (not JSONL) file is read whole; past this size, ask for JSONL.
MAX_JSON_BYTES = 256 * 1024 * 1024

# Our field names, and the record fields they are read from unless --field says otherwise.
RECORD_FIELDS = ("id", "url", "title", "published", "source", "text", "html")

TOO_DEEP = "nested too deeply to read (lists or objects inside each other hundreds of levels deep)"
MAX_ID_CHARS = 1000  # a record's id (or URL, source) is a key, not a document

_DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def parse_date(value: object) -> date | None:
    """A publication date from what a source gives: ISO strings, datetimes, or any written date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


def path_text(path: Path | str) -> str:
    """A path as text any UTF-8 encoder accepts (hashing, Arrow, DuckDB): bytes of a file name that are not
    UTF-8 (kept by Python as lone surrogates) become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def published_from_name(path: Path) -> date | None:
    """An ISO date at the start of a file name ("2014-05-27_slug.txt"), else None."""
    m = _DATE_PREFIX.match(path.name)
    return parse_date(m.group(1)) if m else None


def iter_source(source: str, published: date | None = None, fields: Mapping[str, str] | None = None,
                seen: set[Path] | None = None) -> Iterator[RawArticle | Reject]:
    """Articles from a path (file or folder). URLs are handled by `feeds.read_feed`.

    `seen`: the resolved paths of the run's earlier sources; a source that is one of them under another name
    (a symlink, `./x` and `x`) is one reject, not every article a second time."""
    path = Path(source)
    if not path.exists():
        yield Reject(path_text(source), "not found", "no such file or folder")
        return
    resolved = path.resolve()
    if seen is not None:
        if resolved in seen:
            kind = "folder" if path.is_dir() else "file"
            yield Reject(path_text(source), "duplicate source", f"the same {kind} as {path_text(resolved)}, given earlier in this run; read once")
            return
        seen.add(resolved)
    if path.is_dir():
        # Symlinked folders inside are not followed (Path.rglob), so a link loop cannot make this endless.
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            yield Reject(path_text(source), "empty folder", f"no files ending in {', '.join(sorted(SUFFIXES))}")
        for file in files:
            yield from iter_file(file, published, fields)
    else:
        yield from iter_file(path, published, fields)


def iter_file(path: Path, published: date | None = None, fields: Mapping[str, str] | None = None) -> Iterator[RawArticle | Reject]:
    """Articles from one file, by its suffix (unknown suffixes are read as text)."""
    suffix = path.suffix.lower()
    # Named by where the file really is: the same file reached by another name (a symlink, a linked folder)
    # gets the same source, source id and so article id, and is loaded once.
    resolved = path.resolve()
    source_id = path_text(resolved)
    try:
        size = path.stat().st_size
        if suffix in JSON_SUFFIXES:
            if suffix == ".json" and size > MAX_JSON_BYTES:
                yield Reject(source_id, "file too large", f"{size / 2**20:.0f} MB of JSON; write it as JSONL instead")
                return
            yield from _iter_json(resolved, source_id, published, fields)
            return
        if size > MAX_FILE_BYTES:
            yield Reject(source_id, "file too large", f"{size / 2**20:.1f} MB; one article may be at most {MAX_FILE_BYTES / 2**20:.0f} MB")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Reject(source_id, "unreadable file", f"{type(exc).__name__}: {exc.strerror or exc}")
        return
    if not data.strip():
        yield Reject(source_id, "empty file", "the file has no content")
        return
    try:
        text, _encoding = decode_bytes(data)
    except NotText as exc:
        yield Reject(source_id, "not text", str(exc))
        return
    except ReaderUnavailable as exc:
        yield Reject(source_id, "reader unavailable", str(exc))
        return
    when = published or published_from_name(path)
    source = path_text(resolved.parent.name) or "files"
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
        yield RawArticle(source_id=source_id, source=source, url=None, published=when, html=text)
    else:
        yield RawArticle(source_id=source_id, source=source, url=None, published=when, text=text)


def _iter_json(path: Path, source_id: str, published: date | None, fields: Mapping[str, str] | None) -> Iterator[RawArticle | Reject]:
    """Records from a JSON array/object or a JSONL file (`source_id`: the file's, for each record's); a broken
    line is rejected, the rest load."""
    source = path_text(path.stem)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(decode_bytes(path.read_bytes())[0])
        except (NotText, ValueError) as exc:
            yield Reject(source_id, "broken JSON", str(exc)[:300])
            return
        except RecursionError:
            yield Reject(source_id, "broken JSON", TOO_DEEP)
            return
        except ReaderUnavailable as exc:
            yield Reject(source_id, "reader unavailable", str(exc))
            return
        records = data if isinstance(data, list) else [data]
        for i, record in enumerate(records, 1):
            yield record_to_article(record, f"{source_id}#{i}", source, published, fields)
        return
    with path.open("rb") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{source_id}:{lineno}"
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield Reject(where, "not UTF-8", f"line {lineno}: {exc.reason} at byte {exc.start}")
                continue
            except ValueError as exc:
                yield Reject(where, "broken JSON line", f"line {lineno}: {exc}")
                continue
            except RecursionError:  # a hostile line ([[[[...]]]]): that line alone, the file's other lines load
                yield Reject(where, "broken JSON line", f"line {lineno}: {TOO_DEEP}")
                continue
            yield record_to_article(record, where, source, published, fields)


def record_to_article(
    record: object,
    where: str,
    default_source: str,
    published: date | None = None,
    fields: Mapping[str, str] | None = None,
) -> RawArticle | Reject:
    """One JSON record → RawArticle; `fields` maps our names to the record's (e.g. text → body)."""
    if not isinstance(record, dict):
        return Reject(where, "not a JSON object", f"got {type(record).__name__}")
    # JSON may spell a lone surrogate ("\ud800"), which no UTF-8 encoder (hashing, Arrow, DuckDB) accepts.
    record = {k: _LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in record.items()}
    names = {name: (fields or {}).get(name, name) for name in RECORD_FIELDS}
    get = lambda name: record.get(names[name])  # noqa: E731
    text, html = get("text"), get("html")
    try:
        given_id, source = _key_text(get("id")), _key_text(get("source"))
    except ValueError as exc:
        return Reject(where, "bad id", str(exc))
    url = get("url") if isinstance(get("url"), str) else None
    source_id = given_id or url or where
    if not isinstance(text, str) and not isinstance(html, str):
        present = [n for n in sorted({names["text"], names["html"]}) if n in record]
        if present:  # the field is there, but holds no text
            what = " and ".join(f"{n} is {_json_kind(record[n])}" for n in present)
            return Reject(source_id, "no text", f"the record's {what}, not a string of text")
        wanted = " or ".join(sorted({names["text"], names["html"]}))
        return Reject(source_id, "no text", f"the record has no {wanted} field (use --field text=NAME)")
    if isinstance(text, str) and not text.strip() and not html:
        return Reject(source_id, "empty article", "the record's text is empty")
    size = max(len(text) if isinstance(text, str) else 0, len(html) if isinstance(html, str) else 0)
    if size > MAX_FILE_BYTES:  # the same limit as an article file: one record must not fill the memory of NLP
        return Reject(source_id, "article too large", f"{size / 2**20:.1f} MB of text; one article may be at most {MAX_FILE_BYTES / 2**20:.0f} MB")
    title = get("title")
    return RawArticle(
        source_id=source_id,
        source=source or default_source,
        url=url,
        title=title if isinstance(title, str) and title.strip() else None,
        published=published or parse_date(get("published")),
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
    )


def _json_kind(value: object) -> str:
    """How JSON calls a value's type, for a reject's detail ("null", "a number", "a list")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a boolean)"
    if isinstance(value, (int, float)):
        return "a number"
    return "a list" if isinstance(value, list) else "an object" if isinstance(value, dict) else type(value).__name__


def _key_text(value: object) -> str | None:
    """A record's id or source as text: strings as given, numbers and booleans as JSON writes them ("7",
    "true"), lists and objects as compact JSON with sorted keys (never a Python repr); None when missing or
    empty. ValueError for a key past MAX_ID_CHARS or nested too deeply to write."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value
    else:
        try:
            text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        except (RecursionError, ValueError):
            raise ValueError(f"the record's id or source is {TOO_DEEP}") from None
        text = _LONE_SURROGATE.sub("\ufffd", text)
    if len(text) > MAX_ID_CHARS:
        raise ValueError(f"the record's id or source is {len(text):,} characters long; at most {MAX_ID_CHARS:,}")
    return text
