"""``bank import`` and ``bank export``: questions to and from Moodle (GIFT, Moodle XML) and QTI.

Import reads a GIFT or Moodle XML file, maps its categories to areas (``--map``), writes a new bank
file of draft items and validates it; export writes bank items in one of the three formats.  Every
question that cannot be carried over is printed as ``file:line: 「name」: message``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import tempfile
from pathlib import Path

from .config import Settings
from .core.catalog import AREAS
from .core.errors import UserError
from .core.i18n import message
from .core.interchange.common import (
    InterchangeWarning,
    Question,
    area_for,
    categories,
    category_label,
    from_item,
    to_bank,
)
from .core.interchange.files import default_bank_id, read_questions, renumber_clashes, taken_ids
from .resources import question_banks_dir


def parse_category_map(values: list[str]) -> dict[str, str]:
    """``["セキュリティ=security", "*=data"]`` → a dict; the area is after the last ``=``."""
    mapping: dict[str, str] = {}
    for value in values:
        category, separator, area = value.rpartition("=")
        if not separator or not area.strip():
            raise UserError("ix_map_syntax", value=value)
        mapping[category.strip().strip("/")] = area.strip()
    return mapping


def _print_warnings(warnings: list[InterchangeWarning], path: str, lang: str) -> None:
    for warning in sorted(warnings, key=lambda w: w.line):
        print(warning.render(path, lang))


def cmd_bank_import(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    source: Path = args.file
    result = read_questions(source)
    mapping = parse_category_map(args.map)
    found = categories(result)
    if found:
        print(message("ix_categories", lang, count=len(found)))
        for category in found:
            print(f"  {category_label(category, lang)} → {area_for(category, mapping) or '?'}")
    bank_id = args.bank_id or default_bank_id(source)
    title = args.title or f"取り込み: {source.name}"
    bank, warnings = to_bank(result, mapping, bank_id=bank_id, title=title, today=dt.date.today(),
                             source_file=source.name)
    all_warnings = list(result.warnings) + warnings
    for old, new in renumber_clashes(bank, taken_ids(args.to)):
        print(message("ix_renumbered", lang, old=old, new=new))
    _print_warnings(all_warnings, str(source), lang)
    items = len(bank["items"])
    skipped = len(result.questions) - items
    if not items:
        print(message("ix_import_nothing", lang, skipped=skipped), file=sys.stderr)
        return 1
    from .core.banks import validate_paths
    from .core.banks.write import new_bank_text

    header = (f"{source.name} から取り込んだ問題（{dt.date.today().isoformat()}）。\n"
              "すべて下書き（status: draft）です。内容・レベル・対象・タグを確かめてから approved にしてください。")
    text = new_bank_text(bank, header=header)
    if args.dry_run:
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / f"{bank_id}.yaml"
            target.write_text(text, encoding="utf-8")
            problems = validate_paths([target]).problems
            for problem in problems:
                print(dataclasses.replace(problem, path=f"{bank_id}.yaml").render(lang))
        print(message("ix_import_dry_run", lang, items=items, skipped=skipped, warnings=len(all_warnings)))
        return 1 if problems else 0
    target = args.to / f"{bank_id}.yaml"
    if target.exists():
        raise UserError("ix_target_exists", file=str(target))
    args.to.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    problems = validate_paths([args.to]).problems  # the whole folder: duplicate ids show too
    for problem in problems:
        print(problem.render(lang))
    print(message("ix_import_done", lang, file=str(target), items=items, skipped=skipped,
                  warnings=len(all_warnings)))
    if problems:
        print(message("validate_failed", lang, count=len(problems)), file=sys.stderr)
        return 1
    return 0


def collect_questions(paths: list, area: str | None, statuses: list[str] | None,
                      ) -> tuple[list[Question], list[tuple[str, InterchangeWarning]], dict[str, tuple[str, int]]]:
    """The bank items as questions; warnings paired with the bank file; where each item is."""
    from .core.banks import validate_paths

    bank_set = validate_paths(paths)
    if bank_set.problems:
        raise _invalid(bank_set.problems)
    questions: list[Question] = []
    warnings: list[tuple[str, InterchangeWarning]] = []
    where: dict[str, tuple[str, int]] = {}
    for bank, index, item in bank_set.items():
        if (area and item.area != area) or (statuses and item.status not in statuses):
            continue
        line = bank.item_position(index, "id")[0]
        where[item.id] = (str(bank.path), line)
        scenario = None
        if item.scenario:
            scenario = next((s.model_dump() for s in bank.model.scenarios if s.id == item.scenario), None)
        question, found = from_item(item.model_dump(mode="python", exclude_none=True), scenario=scenario)
        warnings += [(str(bank.path), dataclasses.replace(w, line=line)) for w in found]
        if question is not None:
            question.line = line
            questions.append(question)
    return questions, warnings, where


def _invalid(problems: list) -> UserError:
    error = UserError("ix_export_invalid", count=len(problems))
    error.problems = problems  # type: ignore[attr-defined]  # printed by cli.main
    return error


def cmd_bank_export(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    if args.area and args.area not in AREAS:
        raise UserError("ix_area_unknown", area=args.area, areas=", ".join(AREAS))
    paths = args.paths or [question_banks_dir()]
    questions, warnings, where = collect_questions(paths, args.area, args.status)
    if not questions:
        raise UserError("ix_export_nothing")
    if args.format == "gift":
        from .core.interchange import gift

        written = gift.write(questions, args.out)
    elif args.format == "moodle-xml":
        from .core.interchange import moodle_xml

        written = moodle_xml.write(questions, args.out)
    else:
        from .core.interchange import qti

        written = qti.write(questions, args.out)
    before = list(warnings)
    for warning in written:
        path, line = where.get(warning.question or "", ("", warning.line))
        warnings.append((path, dataclasses.replace(warning, line=line or warning.line)))
    for path, warning in sorted(warnings, key=lambda pair: (pair[0], pair[1].line)):
        print(warning.render(path or None, lang))
    not_written = {w.question for w in written if _skips(w.code)}
    skipped = len(not_written) + len({w.question for _path, w in before if _skips(w.code)})
    print(message("ix_export_done", lang, count=len(questions) - len(not_written), file=str(args.out),
                  skipped=skipped, warnings=len(warnings)))
    return 0


def _skips(code: str) -> bool:
    """Whether a warning means the question was not written (by its code: ``ix_export_kind`` …)."""
    return code in ("ix_export_kind", "ix_export_arrow", "ix_qti_choice_only") or "skip" in code
