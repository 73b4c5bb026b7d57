"""Opening, creating and locking a vault: header file, SQLCipher engine, migrations."""
