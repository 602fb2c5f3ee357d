#!/usr/bin/env python3
"""Trunk's post-build hook. Trunk runs the hooks of a stage at the same time, so the steps that
depend on each other run here, in order:

  1. scripts/split_page.py builds the page and cuts it into per-route chunks;
  2. scripts/precache.py lists every file of the build (chunks included) in the service worker.

    python3 scripts/post_build.py          (Trunk passes TRUNK_STAGING_DIR and TRUNK_PROFILE)
"""
import os
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import precache  # noqa: E402
import split_page  # noqa: E402


def main():
    staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR") or sys.argv[1])
    split_page.split(staging, release=os.environ.get("TRUNK_PROFILE", "release") == "release")
    precache.write(staging)


if __name__ == "__main__":
    main()
