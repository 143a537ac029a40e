"""Layout adapters: one per e-paper system, looked up by the name papers.toml gives."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from transforms.layouts.base import Layout, LayoutError, UnknownLayout
from transforms.layouts.founder import FOUNDER, FounderLayout, parse_page_label
from transforms.layouts.founder_pc import FOUNDER_PC, FounderPcLayout

__all__ = [
    "LAYOUTS",
    "FounderLayout",
    "FounderPcLayout",
    "Layout",
    "LayoutError",
    "UnknownLayout",
    "get_layout",
    "parse_page_label",
]

# Every registered adapter by name; papers.toml's `layout` must be one of these keys.
LAYOUTS: Mapping[str, Layout] = MappingProxyType({FOUNDER.name: FOUNDER, FOUNDER_PC.name: FOUNDER_PC})


def get_layout(name: str) -> Layout:
    """The adapter registered under ``name``; ``UnknownLayout`` (a KeyError) otherwise."""
    try:
        return LAYOUTS[name]
    except KeyError:
        raise UnknownLayout(name, tuple(sorted(LAYOUTS))) from None
