"""The look of every questionary prompt, apart so that asking one question needs no quiz code."""

from __future__ import annotations

import questionary

STYLE = questionary.Style(
    [
        ("qmark", "fg:ansicyan bold"),
        ("question", "bold"),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "fg:ansicyan bold"),
        ("answer", "fg:ansigreen bold"),
        ("instruction", "fg:ansibrightblack"),
    ]
)
