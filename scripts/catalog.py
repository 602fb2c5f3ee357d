#!/usr/bin/env python3
"""Part of the page's build (scripts/split_page.py): writes the message catalog of src/i18n.rs as
one JSON file per language, so that the page downloads the texts of the language it shows and
not those of every language (the page is built with the `catalog-file` feature; the worker keeps
its texts compiled in).

Each file is a JSON array of the texts in the order the messages are declared, named
`i18n-<lang>-<digest>.json`; the name pattern goes into index.html (`meta name=linimasa-catalog`).

    python3 scripts/catalog.py DIR     writes the files into DIR and prints the name pattern
"""
import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LANGS = ["id", "en"]
ENTRY = re.compile(r'^\s*(\w+)\s*=>\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)";\s*$', re.M)


def unescape(text):
    # The catalog's literals use `\"` and `\\` only; anything else would need Rust's rules.
    if re.search(r'\\[^"\\]', text):
        sys.exit(f"catalog: unsupported escape in {text!r}")
    return re.sub(r'\\(["\\])', r"\1", text)


def texts():
    source = (ROOT / "src" / "i18n.rs").read_text(encoding="utf-8")
    body = source[source.index("messages! {"):]
    entries = ENTRY.findall(body)
    if len(entries) != body.count("=>"):
        sys.exit("catalog: a message of src/i18n.rs is not on one line as `Key => \"id\", \"en\";`")
    return {lang: [unescape(e[1 + i]) for e in entries] for i, lang in enumerate(LANGS)}


def write(folder):
    catalog = texts()
    encoded = {lang: json.dumps(catalog[lang], ensure_ascii=False).encode() for lang in LANGS}
    digest = hashlib.sha256(b"".join(encoded[lang] for lang in LANGS)).hexdigest()[:16]
    for lang in LANGS:
        (folder / f"i18n-{lang}-{digest}.json").write_bytes(encoded[lang])
    return f"i18n-{{lang}}-{digest}.json"


if __name__ == "__main__":
    print(write(pathlib.Path(sys.argv[1])))
