"""Padan's record-linkage engine for pandas (through its C library, libPadanC)."""
from ._native import PadanError, Result, dedupe, link, read, version

__all__ = ["PadanError", "Result", "dedupe", "link", "read", "version"]
