"""Start the desktop app: `veldboek gui [--vault PATH] [--demo]`."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app import paths
from app.services.admin import local_config
from app.services.reports import printing
from app.ui import i18n, no_qt_settings, single_instance, style
from app.ui.controller import AppController
from app.ui.gui_gc import GuiThreadCollector


def run(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="veldboek gui")
    parser.add_argument("--vault", type=Path, help="vault folder")
    parser.add_argument("--demo", action="store_true", help="the demo vault (made on first run)")
    args = parser.parse_args(list(argv) if argv is not None else sys.argv[1:])
    if args.vault is not None:
        vault_path = args.vault
    elif args.demo:
        vault_path = paths.demo_vault()
    else:
        vault_path = paths.default_vault()
    # Named before the next line changes TMPDIR, where the name may lie: every
    # start of the app finds the same socket.
    name = single_instance.socket_name(vault_path)
    # Before Qt starts threads: the print system's temporary files go to memory.
    printing.use(printing.choose())
    no_qt_settings.keep_nothing()  # no file dialog history on disk
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Veldboek")
    app.setQuitOnLastWindowClosed(False)  # between lock and unlock no window may be open
    # Started again for a vault that is already open here (after a panic nothing
    # is on screen): the running app shows itself, this one ends.
    if single_instance.wake_running(name):
        return 0
    server = single_instance.InstanceServer(name)
    server.listen()
    style.apply(app)
    collector = GuiThreadCollector(app)  # Qt objects freed on their own thread only
    i18n.install(app, local_config.load().language)
    controller = AppController(vault_path, demo_vault=args.demo)
    server.wake_requested.connect(controller.bring_back)
    controller.start()
    # What start-up made lives as long as the app: out of the collector's sight, so
    # that a full collection on the GUI thread (a pause the user feels) scans only
    # what came later.
    gc.collect()
    gc.freeze()
    try:
        return app.exec()
    finally:
        server.close()
        collector.stop()
