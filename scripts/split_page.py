#!/usr/bin/env python3
"""Part of Trunk's post-build hook (scripts/post_build.py): builds the page's WebAssembly and cuts it into chunks, one per route.

Trunk builds the import worker itself; the page is built here because Trunk has no step between
compiling and wasm-bindgen, which is where the split must happen:

  1. cargo builds the `linimasa` binary, its link keeping relocations;
  2. wasm-split-cli cuts it at the routes marked lazy in src/ui/routes.rs: the main module keeps
     the shell, the home page and everything shared, each other page becomes a chunk fetched on
     its first visit;
  3. wasm-bindgen writes the JavaScript glue for the main module;
  4. in release builds wasm-opt -Oz shrinks every module and esbuild minifies the JavaScript;
  5. the message catalog becomes one file per language (scripts/catalog.py): the page is built
     with the `catalog-file` feature and fetches the texts of the language it shows;
  6. the files go to `page-<hash>/` in the build, and index.html gets the loader and the
     catalog's name.

    python3 scripts/split_page.py [staging-dir]   (on its own: TRUNK_STAGING_DIR, TRUNK_PROFILE)
"""
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import catalog  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = "linimasa"
TARGET = "wasm32-unknown-unknown"
# The features every browser Linimasa supports has, and rustc emits by default.
WASM_FEATURES = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
]


def run(cmd, **kw):
    print("split_page:", " ".join(str(c) for c in cmd), file=sys.stderr)
    return subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def build(release):
    cmd = [
        "cargo", "rustc", "--target", TARGET, "--bin", BIN, "--features", "catalog-file",
        "--message-format=json-render-diagnostics",
    ]
    if release:
        cmd.append("--release")
    # Relocations tell wasm-split-cli which code and data each function uses. Passed to the
    # binary's link only, so the library and its dependencies are the same build as the worker's.
    cmd += ["--", "-Clink-args=--emit-relocs"]
    out = run(cmd, stdout=subprocess.PIPE).stdout.decode()
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("target", {}).get("name") == BIN:
            wasm = [f for f in msg.get("filenames", []) if f.endswith(".wasm")]
            if wasm:
                return pathlib.Path(wasm[0])
    sys.exit("split_page: cargo produced no linimasa.wasm")


def split(staging, release):
    wasm = build(release)
    with tempfile.TemporaryDirectory() as tmp:
        split, out = pathlib.Path(tmp, "split"), pathlib.Path(tmp, "out")
        run(["wasm-split-cli", wasm, split, "--out-name", BIN])
        run([
            "wasm-bindgen", split / f"{BIN}.wasm", "--out-dir", out, "--target", "web",
            "--no-typescript", "--keep-lld-exports",
        ])
        for f in split.iterdir():
            if f.name != f"{BIN}.wasm":
                shutil.copy(f, out / f.name)
        if release:
            for f in sorted(out.glob("*.wasm")):
                run(["wasm-opt", "-Oz", *WASM_FEATURES, f, "-o", f], stderr=subprocess.DEVNULL)
            for f in sorted(out.glob("*.js")):
                run([
                    "esbuild", f, "--minify", "--format=esm", "--log-level=error",
                    f"--outfile={f}", "--allow-overwrite",
                ])
        catalog_name = catalog.write(out)
        digest = hashlib.sha256()
        for f in sorted(out.iterdir()):
            digest.update(f.name.encode())
            digest.update(f.read_bytes())
        folder = f"page-{digest.hexdigest()[:16]}"
        for old in staging.glob("page-*"):
            shutil.rmtree(old)
        shutil.copytree(out, staging / folder)
    inject_loader(staging / "index.html", folder, catalog_name)


def inject_loader(index, folder, catalog_name):
    js, bg = f"./{folder}/{BIN}.js", f"./{folder}/{BIN}_bg.wasm"
    loader = (
        f'<meta name="linimasa-catalog" content="./{folder}/{catalog_name}">'
        f'<link rel="modulepreload" href="{js}">'
        f'<link rel="preload" href="{bg}" as="fetch" type="application/wasm" crossorigin>'
        f'<script type="module">import init from "{js}"; await init({{ module_or_path: "{bg}" }});</script>'
    )
    html = index.read_text(encoding="utf-8")
    # Trunk keeps the skipped page link (index.html) in its output; it has no use in the build.
    html = re.sub(r"\s*<!--[^>]*split_page\.py[^>]*-->", "", html)
    # (Minified or not: attributes in any order, quoted or not.)
    html = re.sub(r'\s*<link\b[^>]*\bdata-trunk-skip\b[^>]*>', "", html)
    if "</head>" not in html:
        sys.exit("split_page: index.html has no </head>")
    index.write_text(html.replace("</head>", loader + "</head>", 1), encoding="utf-8")


if __name__ == "__main__":
    split(
        pathlib.Path(os.environ.get("TRUNK_STAGING_DIR") or sys.argv[1]),
        release=os.environ.get("TRUNK_PROFILE", "release") == "release",
    )
