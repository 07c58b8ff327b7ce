"""GIFT's escapes and text layout, shared by the reader (``gift``) and the writer (``gift_write``).

GIFT gives ``~ = # { } :`` a meaning, so a text that contains one writes it as ``\\~``.  The reader
first replaces every escaped character by a private-use placeholder (``_mask``, as Moodle's
escapedchar_pre does), cuts the masked text into questions and answers by its control characters,
and only then restores the characters (``_unmask``); the writer escapes with ``escape``.  Each
stretch of text keeps the file line of every character (``_Text``) so that warnings and errors
name the line they are about.  Kept apart from the reader so that the writer needs only this.
"""

from __future__ import annotations

BLANK = "＿＿＿"
"""What a missing-word question's answer block becomes in the question text."""

# Escaped control characters become private-use placeholders while the text is cut up, as in
# Moodle's escapedchar_pre / escapedchar_post.
_ESCAPES = {":": "\ue000", "#": "\ue001", "=": "\ue002", "{": "\ue003", "}": "\ue004", "~": "\ue005",
            "n": "\ue006", "\\": "\ue007"}
_RESTORE = {placeholder: ("\n" if char == "n" else char) for char, placeholder in _ESCAPES.items()}


class _Text:
    """A stretch of the masked question text with the file line of each character."""

    def __init__(self, text: str, lines: list[int]) -> None:
        self.text = text
        self.lines = lines

    def line_at(self, index: int) -> int:
        if not self.lines:
            return 0
        return self.lines[min(max(index, 0), len(self.lines) - 1)]

    def cut(self, start: int, end: int | None = None) -> _Text:
        end = len(self.text) if end is None else end
        return _Text(self.text[start:end], self.lines[start:end])

    def strip(self) -> _Text:
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        return self.cut(left, max(left, right))

    def split(self, separator: str, limit: int = -1) -> list[_Text]:
        pieces: list[_Text] = []
        start = 0
        while limit < 0 or len(pieces) < limit - 1:
            found = self.text.find(separator, start)
            if found < 0:
                break
            pieces.append(self.cut(start, found))
            start = found + len(separator)
        pieces.append(self.cut(start))
        return pieces


def _mask(raw: str, lines: list[int]) -> _Text:
    """Replace escaped characters by placeholders (``\\\\`` first, like Moodle)."""
    out: list[str] = []
    out_lines: list[int] = []
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == "\\" and index + 1 < len(raw) and raw[index + 1] in _ESCAPES:
            out.append(_ESCAPES[raw[index + 1]])
            out_lines.append(lines[index])
            index += 2
            continue
        out.append(char)
        out_lines.append(lines[index])
        index += 1
    return _Text("".join(out), out_lines)


def _unmask(text: str) -> str:
    return "".join(_RESTORE.get(char, char) for char in text)


def _chunks(text: str) -> list[_Text]:
    """Blank-line separated chunks; comment lines are blanked but keep their place (line numbers)."""
    chunks: list[_Text] = []
    current: list[tuple[int, str]] = []

    def flush() -> None:
        if current:
            raw = "\n".join(line for _number, line in current)
            lines = [number for number, line in current for _ in range(len(line) + 1)]
            chunks.append(_mask(raw, lines).strip())
            current.clear()

    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if not line.strip():
            flush()
        elif line.strip().startswith("//"):
            current.append((number, ""))
        else:
            current.append((number, line))
    flush()
    return [chunk for chunk in chunks if chunk.text]


def _pieces(answer: _Text, markers: str, keep_leading: bool = False) -> list[_Text]:
    """Cut an answer block before every marker character (Moodle splits blindly, as here)."""
    starts = [index for index, char in enumerate(answer.text) if char in markers]
    pieces: list[_Text] = []
    if keep_leading:
        head = answer.cut(0, starts[0] if starts else len(answer.text)).strip()
        if head.text:
            pieces.append(head)
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(answer.text)
        pieces.append(answer.cut(start, end).strip())
    return pieces


def escape(text: str) -> str:
    """GIFT escapes for a text on one line (Moodle's repchar)."""
    out = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        out = out.replace(char, "\\" + char)
    return out.replace("\r\n", "\n").replace("\r", "").replace("\n", "\\n")
