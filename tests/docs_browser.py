"""Headless Chromium driven over the DevTools protocol, for the rendered check of the docs.

The browser is started with a private profile, DevTools listening on 127.0.0.1
on a port it picks, and every way it could reach another host closed: name
resolution fails for every host, requests go to a proxy on a closed local
port, and background services are off. Pages are loaded from ``file://``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import websocket

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
# Starting Chromium takes about a second on the development machine; a busy CI box may be slower.
STARTUP_TIMEOUT_S = 60
# One DevTools answer (a page load, an evaluation) takes well under a second here.
REPLY_TIMEOUT_S = 60
POLL_S = 0.1
# Keeps the browser off the network: every host name fails to resolve, and
# requests go to a proxy on port 9 of this machine, where nothing listens.
ISOLATION_FLAGS = (
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=127.0.0.1:9",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-sync",
    "--no-pings",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
)


def find_browser() -> str | None:
    """The path of a Chromium on PATH, if there is one."""
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


class DevTools:
    """A DevTools connection to one page: send commands, keep the events that arrive."""

    def __init__(self, socket: websocket.WebSocket) -> None:
        self.socket = socket
        self.events: list[dict[str, Any]] = []
        self._next_id = 0

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer; raise if the browser reports an error."""
        self._next_id += 1
        self.socket.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            if "method" in message:
                self.events.append(message)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (awaited when it is a promise)."""
        reply = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in reply:
            raise RuntimeError(f"JavaScript error: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def load(self, url: str) -> None:
        """Navigate to ``url`` and wait until the document and its subresources have loaded."""
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + REPLY_TIMEOUT_S
        while self.evaluate("document.readyState") != "complete" or self.evaluate("location.href") != url:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not finish loading")
            time.sleep(POLL_S)


def _port(profile: Path, process: subprocess.Popen[bytes]) -> int:
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not (marker.exists() and marker.read_text(encoding="utf-8").strip()):
        if process.poll() is not None:
            raise RuntimeError(f"the browser exited at start with status {process.returncode}")
        if time.monotonic() > deadline:
            raise TimeoutError("the browser did not open its DevTools port")
        time.sleep(POLL_S)
    return int(marker.read_text(encoding="utf-8").split()[0])


def _page_socket_url(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=REPLY_TIMEOUT_S) as answer:
        targets = json.load(answer)
    return next(str(t["webSocketDebuggerUrl"]) for t in targets if t.get("type") == "page")


@contextmanager
def browser_page(browser: str, profile: Path) -> Iterator[DevTools]:
    """A headless browser with one blank page, stopped on exit."""
    command = [
        browser,
        "--headless=new",
        "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
        "--disable-gpu",
        "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0",
        f"--user-data-dir={profile}",
        *ISOLATION_FLAGS,
        "about:blank",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        socket = websocket.create_connection(_page_socket_url(_port(profile, process)), timeout=REPLY_TIMEOUT_S)
        try:
            devtools = DevTools(socket)
            devtools.call("Network.enable")
            devtools.call("Page.enable")
            yield devtools
        finally:
            socket.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
