"""A stand-in HTTP server on loopback that records every request it gets.

Each request is kept as ``Seen`` (method, path, headers, body); the answer is
the next of ``answers`` (status, JSON or bytes body, content type), the last one
repeating. ``TEST_EDGE_PORT`` picks its port (a helper session's own port);
unset, the system picks a free one, so parallel test processes never collide.
"""

import json
import os
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Seen:
    method: str
    path: str
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


def edge_port(offset: int) -> int:
    """``TEST_EDGE_PORT`` + ``offset``, or 0 (any free port) when unset."""
    base = int(os.environ.get("TEST_EDGE_PORT", "0"))
    return base + offset if base else 0


class StubServer:
    def __init__(self, port=0):
        self.seen: list[Seen] = []
        self.answers = [(200, {"success": True}, "application/json")]
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                stub.seen.append(
                    Seen(
                        self.command,
                        self.path,
                        {k.lower(): v for k, v in self.headers.items()},
                        self.rfile.read(length),
                    )
                )
                index = min(len(stub.seen), len(stub.answers)) - 1
                status, body, content_type = stub.answers[index]
                if not isinstance(body, bytes):
                    body = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PURGE = do_BAN = _answer  # noqa: N815

            def log_message(self, format, *args):  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def reset(self, *answers):
        self.seen.clear()
        self.answers = list(answers) or [(200, {"success": True}, "application/json")]
