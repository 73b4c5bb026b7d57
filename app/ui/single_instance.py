"""One running app per user and vault, and the way back after a panic.

After the panic key nothing of Veldboek is on screen: no window, no taskbar
entry. To get back, the runner starts Veldboek again as usual; that second
start finds the running one through a local socket, tells it to show itself
(its unlock dialog) and exits. The socket is a Unix domain socket (a named pipe
on Windows), never a network connection; it lives in the user's runtime folder
(owner-only) and its name is a digest that names neither the app nor the vault.
Only the one word ``WAKE`` is understood.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QDir, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

MESSAGE = b"WAKE\n"
_WAIT_MS = 1500


def socket_name(vault_path: Path) -> str:
    """Per user and per vault folder; neutral (a digest)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid: the uid itself
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    digest = hashlib.sha256(f"{user}\0{vault_path.resolve()}".encode()).hexdigest()[:24]
    if sys.platform == "win32":
        return digest  # a pipe name; pipes are per machine, the user is in the digest
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    folder = runtime if runtime and Path(runtime).is_dir() else QDir.tempPath()
    return str(Path(folder) / f"s{digest}")


def wake_running(name: str) -> bool:
    """Tell the instance already running for this vault to show itself. True if
    one answered (this start should then end)."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(_WAIT_MS):
        return False
    sock.write(MESSAGE)
    # flush() may write it all at once, and then waitForBytesWritten() has
    # nothing to wait for and answers False: ask what is left instead.
    sock.flush()
    while sock.bytesToWrite() > 0 and sock.waitForBytesWritten(_WAIT_MS):
        pass
    sent = sock.bytesToWrite() == 0
    sock.disconnectFromServer()
    return sent


class InstanceServer(QObject):
    """Listens for a later start of Veldboek on the same vault."""

    wake_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        # A socket left by an instance that died (nobody answered wake_running).
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket) -> None:
        data = bytes(sock.read(len(MESSAGE)).data())
        if data == MESSAGE:
            self.wake_requested.emit()
        sock.disconnectFromServer()

    def close(self) -> None:
        self._server.close()
