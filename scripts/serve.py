#!/usr/bin/env python3
"""Serves a built Linimasa (dist/) on 127.0.0.1 like a static host with a single-page fallback:
an existing file is served as is; any other path gets index.html, so deep links survive reload.
A request under a prefix (e.g. /sub/app/calendar) is served from the same files, so the app can
be tested from a sub-path.

    python3 scripts/serve.py [dist] [port]      # port 0: any free port, printed
"""
import functools
import http.server
import os
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript",
                      ".webmanifest": "application/manifest+json"}

    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        parts = [p for p in path.split("/") if p]
        root = self.directory
        # Find the longest suffix of the path that names a real file (sub-path hosting).
        for i in range(len(parts)):
            candidate = os.path.join(root, *parts[i:])
            if os.path.isfile(candidate):
                self.path = "/" + "/".join(parts[i:])
                return super().send_head()
        self.path = "/index.html"
        return super().send_head()

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, *args):
        if os.environ.get("LINIMASA_SERVE_LOG"):
            super().log_message(*args)


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "dist"
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8080
    handler = functools.partial(Handler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    # Port 0 asks the system for a free port; the line says which one it gave.
    port = server.server_address[1]
    print(f"Linimasa on http://127.0.0.1:{port}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
