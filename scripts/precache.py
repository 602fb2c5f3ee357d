#!/usr/bin/env python3
"""Part of Trunk's post-build hook (scripts/post_build.py): writes sw.js into the build with the
list of every file the app is made of and a version derived from their contents, so that the
service worker caches exactly this build and a new build is a new version.

    python3 scripts/precache.py [staging-dir]   (on its own: TRUNK_STAGING_DIR)
"""
import hashlib
import json
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def write(staging):
    files = sorted(
        p.relative_to(staging).as_posix()
        for p in staging.rglob("*")
        if p.is_file() and p.name != "sw.js"
    )
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update((staging / name).read_bytes())
    template = (ROOT / "public" / "sw.js").read_text(encoding="utf-8")
    text = template.replace("/*VERSION*/'dev'", json.dumps(digest.hexdigest()[:16])).replace(
        "/*FILES*/[]", json.dumps(["./" + f for f in files])
    )
    (staging / "sw.js").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write(pathlib.Path(os.environ.get("TRUNK_STAGING_DIR") or sys.argv[1]))
