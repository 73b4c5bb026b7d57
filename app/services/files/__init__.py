"""Files the user names: where Veldboek may write one (never into a vault, never
over a file without consent) and how it reads one (regular files, bounded)."""
