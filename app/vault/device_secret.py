"""The optional second factor: a random device secret kept in the OS keyring.

Without it the passphrase alone does not open the vault (it is Argon2's secret
input). When no keyring backend exists the app says so and offers passphrase only.
"""

from __future__ import annotations

import base64
import binascii
import os
from typing import Protocol

from app.errors import DeviceSecretUnavailable

SERVICE = "Veldboek"
SECRET_BYTES = 32


class SecretStore(Protocol):
    def available(self) -> bool: ...
    def get(self, service: str, account: str) -> bytes | None: ...
    def put(self, service: str, account: str, secret: bytes) -> None: ...
    def delete(self, service: str, account: str) -> None: ...


class KeyringStore:
    """The OS keyring through the ``keyring`` package (Secret Service, Keychain,
    Windows Credential Locker)."""

    def available(self) -> bool:
        try:
            import keyring
            from keyring.backends import fail
        except Exception:
            return False
        try:
            backend = keyring.get_keyring()
        except Exception:
            return False
        if isinstance(backend, fail.Keyring):
            return False
        priority = getattr(backend, "priority", 0)
        return bool(priority and priority > 0)

    def get(self, service: str, account: str) -> bytes | None:
        import keyring

        try:
            value = keyring.get_password(service, account)
        except Exception as exc:
            raise DeviceSecretUnavailable(
                "The OS keyring could not be read; this vault needs its device secret from it."
            ) from exc
        if value is None:
            return None
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise DeviceSecretUnavailable(
                "The device secret in the OS keyring is damaged."
            ) from exc

    def put(self, service: str, account: str, secret: bytes) -> None:
        import keyring

        try:
            keyring.set_password(service, account, base64.b64encode(secret).decode("ascii"))
        except Exception as exc:
            raise DeviceSecretUnavailable(
                "The OS keyring refused to store the device secret."
            ) from exc

    def delete(self, service: str, account: str) -> None:
        import keyring

        try:
            keyring.delete_password(service, account)
        except Exception as exc:
            raise DeviceSecretUnavailable(
                "The OS keyring refused to delete the device secret."
            ) from exc


def new_device_secret() -> bytes:
    return os.urandom(SECRET_BYTES)
