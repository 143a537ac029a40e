"""Text cleaning you can name: indentation, padding inside names, whitespace, sentence ends."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "clean_line",
    "ends_mid_sentence",
    "has_unclosed_open",
    "has_unopened_close",
    "strip_padding",
]

# U+3000 (ideographic space) and NBSP indent paragraphs and pad names; both count as white space here.
_WHITESPACE_RUN = re.compile(r"[\s\u3000\u00a0\u2002\u2003\u200b\ufeff]+")
# Characters that legitimately close a sentence or a clause a line may break after.
SENTENCE_END = frozenset("。！？!?…；;：:”」』’）)】》.")
# Paired quotes and brackets: an opener left open at a line end means the sentence goes on elsewhere.
PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")", "【": "】", "‘": "’"}
_CLOSERS = {close: open_ for open_, close in PAIRS.items()}


def clean_line(raw: str) -> str:
    """NFC-normalise, fold any run of white space to one space and strip the ends."""
    text = unicodedata.normalize("NFC", raw)
    return _WHITESPACE_RUN.sub(" ", text).strip()


def strip_padding(name: str) -> str:
    """Remove the padding papers put inside two-character names: `李 一` -> `李一`."""
    if _is_cjk_name(name):
        return _WHITESPACE_RUN.sub("", name)
    return clean_line(name)


def _is_cjk_name(name: str) -> bool:
    """True when the text is only CJK characters and padding (so spaces inside carry no meaning)."""
    stripped = _WHITESPACE_RUN.sub("", name)
    return bool(stripped) and all("\u4e00" <= ch <= "\u9fff" or ch in "·•" for ch in stripped)


def ends_mid_sentence(text: str) -> bool:
    """True when a paragraph stops where a sentence cannot end (a column or page break cut it)."""
    text = text.rstrip()
    if not text:
        return False
    return text[-1] not in SENTENCE_END or has_unclosed_open(text)


def _balance(text: str) -> tuple[int, int]:
    """Count (closers without an opener, openers left open) over the paired characters."""
    stack: list[str] = []
    unopened = 0
    for ch in text:
        if ch in PAIRS:
            stack.append(ch)
        elif ch in _CLOSERS:
            if stack and stack[-1] == _CLOSERS[ch]:
                stack.pop()
            elif _CLOSERS[ch] in stack:
                while stack and stack.pop() != _CLOSERS[ch]:
                    pass
            else:
                unopened += 1
    return unopened, len(stack)


def has_unclosed_open(text: str) -> bool:
    """True when the text leaves a quote or bracket open (`…70余个“江崖街`)."""
    return _balance(text)[1] > 0


def has_unopened_close(text: str) -> bool:
    """True when the text closes a quote or bracket it never opened (`洞天”特色消费场景…`)."""
    return _balance(text)[0] > 0
