"""Where Veldboek keeps things by default. Overridable with VELDBOEK_HOME (tests,
portable installs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Veldboek"


def data_dir() -> Path:
    override = os.environ.get("VELDBOEK_HOME")
    if override:
        return Path(override) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    override = os.environ.get("VELDBOEK_HOME")
    if override:
        return Path(override) / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_vault() -> Path:
    return data_dir() / "vault"


def demo_vault() -> Path:
    return data_dir() / "demo-vault"


def resources_dir() -> Path:
    """``resources/`` beside the package in a checkout, or inside a frozen build."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
