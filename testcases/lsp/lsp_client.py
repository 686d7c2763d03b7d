# SPDX-License-Identifier: GPL-2.0
"""A minimal LSP client for the tests and the benchmark: runs a server
command, frames JSON-RPC with Content-Length, and collects what it sends
on a reader thread."""
import json
import queue
import subprocess
import threading
import time


class Client:
    def __init__(self, argv, cwd=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.inbox = queue.Queue()
        self.seen = []
        self.next_id = 1
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode().partition(":")
                if k.lower() == "content-length":
                    length = int(v)
            self.inbox.put(json.loads(out.read(length)))

    def send(self, msg, flush=True):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        if flush:
            self.proc.stdin.flush()

    def send_many(self, msgs):
        """Several messages in one write: the server sees them all waiting."""
        data = b""
        for m in msgs:
            body = json.dumps(m).encode()
            data += b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=120):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def wait(self, pred, timeout=120):
        """The first message (seen or new) matching pred; AssertionError on timeout."""
        for m in self.seen:
            if pred(m):
                self.seen.remove(m)
                return m
        end = time.time() + timeout
        while True:
            left = end - time.time()
            if left <= 0:
                raise AssertionError("timed out waiting for a message")
            try:
                m = self.inbox.get(timeout=left)
            except queue.Empty:
                raise AssertionError("timed out waiting for a message")
            if m is None:
                raise AssertionError("server closed its output; stderr: %s" % self.proc.stderr.read().decode())
            if pred(m):
                return m
            self.seen.append(m)

    def diagnostics(self, uri, version=None, timeout=120):
        def pred(m):
            return (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                    and (version is None or m["params"].get("version") == version))
        return self.wait(pred, timeout)["params"]

    def initialize(self, root_uri=None):
        r = self.request("initialize", {"processId": None, "rootUri": root_uri, "capabilities": {}})
        self.notify("initialized", {})
        return r

    def stop(self):
        r = self.request("shutdown", None)
        self.notify("exit", None)
        self.proc.stdin.close()
        return r, self.proc.wait(timeout=60)
