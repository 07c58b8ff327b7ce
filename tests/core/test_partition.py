"""Blocks of at least N (issue 14): the rule on hand-made trees, then an attacker with linear algebra.

The attacker collects every figure a family of filters can publish, as indicator vectors over the
people, and asks whether any linear combination of them equals the indicator of a group smaller
than N (then that group's total — and, with sums, its score and pass count — would be known).  It
finds such groups when each figure is suppressed on its own (``_hidden_groups`` below, the rule
before blocks) and none when every figure is a union of blocks.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable, Mapping

import numpy as np

from literacy_app.core.partition import Node, partition, select_blocks, under
from literacy_app.core.suppression import check_min_group

N = 5


def _people(groups: Mapping[Node, int]) -> dict[str, Node]:
    found: dict[str, Node] = {}
    for node, count in groups.items():
        for number in range(count):
            found[f"{'/'.join(node)}#{number}"] = node
    return found


def test_a_lone_head_of_a_department_no_longer_hides_a_fifteen_person_section():
    people = _people({("市民局", "区政部"): 1, ("市民局", "区政部", "戸籍課"): 15, ("市民局", "区政部", "窓口課"): 2,
                      ("市民局", "市民課"): 6})
    blocks = {(block.node, block.whole): len(block.members) for block in partition(people, N)}
    assert blocks[(("市民局", "区政部", "戸籍課"), True)] == 15  # shown whole
    # the 部長 and the two of 窓口課 merge upward: three are too few at the 部 and at the 局, so at the
    # top they take in the smallest block (市民課) — a 「その他」 of nine, all of them in 市民局
    assert blocks[(("市民局",), False)] == 9
    assert all(size >= N for size in blocks.values())
    assert sum(blocks.values()) == 24


def test_small_units_merge_into_their_parents_other_block():
    people = _people({("総務局", "総務部", "総務課"): 3, ("総務局", "総務部", "人事課"): 2, ("総務局", "総務部", "法務課"): 7,
                      ("総務局", "財政部"): 8})
    blocks = partition(people, N)
    found = {(block.node, block.whole): len(block.members) for block in blocks}
    assert found == {(("総務局", "総務部"), False): 5, (("総務局", "総務部", "法務課"), True): 7,
                     (("総務局", "財政部"), True): 8}
    unit = select_blocks(blocks, people, under(("総務局", "総務部", "総務課")))
    assert unit.members == frozenset() and unit.partial  # merged into 総務部's その他: said, not shown
    department = select_blocks(blocks, people, under(("総務局", "総務部")))
    assert len(department.members) == 12 and not department.partial


def test_too_few_people_in_all_publish_nothing():
    assert partition(_people({("a",): 2, ("b",): 2}), N) == []


def _tree(rng: random.Random) -> dict[str, Node]:
    """区分 › 試験 › 局 › 部 › 課 with one-person units, parents with members of their own."""
    people: dict[str, Node] = {}
    number = 0
    for audience in ("recruit", "promotion"):
        for window in ("w1", "w2"):
            for bureau in range(rng.randint(1, 3)):
                for depth_path in _units(rng, (audience, window, f"局{bureau}")):
                    for _ in range(rng.choice((0, 1, 1, 2, 3, 6, 9))):
                        people[f"p{number}"] = depth_path
                        number += 1
    return people


def _units(rng: random.Random, bureau: Node) -> list[Node]:
    units = [bureau]
    for department in range(rng.randint(1, 3)):
        units.append((*bureau, f"部{department}"))
        units += [(*bureau, f"部{department}", f"課{section}") for section in range(rng.randint(0, 3))]
    return units


def _filters(people: Mapping[Hashable, Node]) -> list[Callable[[Node], bool]]:
    """Every filter the reports offer: each node (区分, 試験, 所属 within a 試験), and each 所属 across
    试験 and 区分 (the 所属 filter of a whole 年度), and each 区分 with a 所属."""
    nodes = {node[:depth] for node in people.values() for depth in range(len(node) + 1)}
    filters: list[Callable[[Node], bool]] = [under(node) for node in nodes]
    org_paths = {node[2:depth] for node in people.values() for depth in range(3, len(node) + 1)}
    for org in org_paths:
        filters.append(lambda node, org=org: node[2:2 + len(org)] == org)
        for audience in ("recruit", "promotion"):
            filters.append(lambda node, org=org, a=audience: node[:1] == (a,) and node[2:2 + len(org)] == org)
    return filters


def _determined(rows: list[frozenset[Hashable]], order: list[Hashable], group: frozenset[Hashable]) -> bool:
    """Is the group's indicator a linear combination of the figures' indicators?"""
    index = {person: position for position, person in enumerate(order)}
    matrix = np.zeros((len(rows), len(order)))
    for row, members in enumerate(rows):
        for person in members:
            matrix[row, index[person]] = 1.0
    target = np.zeros(len(order))
    for person in group:
        target[index[person]] = 1.0
    solution, *_ = np.linalg.lstsq(matrix.T, target, rcond=None)
    return bool(np.allclose(matrix.T @ solution, target, atol=1e-8))


def _small_groups(people: Mapping[Hashable, Node]) -> list[frozenset[Hashable]]:
    """Every unit's people (within a window and across windows) and every single person, under N."""
    groups: dict[Node, set[Hashable]] = {}
    for person, node in people.items():
        for depth in range(len(node) + 1):
            groups.setdefault(node[:depth], set()).add(person)
        for depth in range(3, len(node) + 1):
            groups.setdefault(("*", *node[2:depth]), set()).add(person)
    small = [frozenset(members) for members in groups.values() if 0 < len(members) < N]
    return small + [frozenset([person]) for person in people]


def test_no_combination_of_block_figures_describes_fewer_than_n_people():
    for seed in range(12):
        people = _tree(random.Random(seed))
        blocks = partition(people, N)
        assert all(len(block.members) >= N for block in blocks)
        assert sum(len(block.members) for block in blocks) in (0, len(people))  # a partition of everyone
        rows = [select_blocks(blocks, people, selects).members for selects in _filters(people)]
        rows = [members for members in rows if members]
        assert all(len(members) >= N for members in rows)
        order = sorted(people)
        leaks = [group for group in _small_groups(people) if _determined(rows, order, group)]
        assert leaks == [], f"seed {seed}: {len(leaks)} groups under {N} can be worked out"


def test_the_attacker_finds_what_per_report_suppression_leaks():
    """The rule before blocks: each filtered report hides its own small groups (with secondary
    suppression).  Across the reports of different filters the attacker recovers small groups —
    so the test above can fail, and did on the old rule."""
    leaked = 0
    for seed in range(12):
        people = _tree(random.Random(seed))
        rows: list[frozenset[Hashable]] = []
        for window in {node[:2] for node in people.values()}:
            inside = {person: node[2:] for person, node in people.items() if node[:2] == window}
            members: dict[Node, set[Hashable]] = {}
            for person, org in inside.items():
                for depth in range(len(org) + 1):
                    members.setdefault(org[:depth], set()).add(person)
            counts = {"/".join(org): len(found) for org, found in members.items()}
            hidden = _hidden_groups(counts, N)
            rows += [frozenset(found) for org, found in members.items() if "/".join(org) not in hidden]
        # the 年度 report of one 局 across windows (another filter of the same window)
        for bureau in {node[2] for node in people.values()}:
            across = frozenset(p for p, node in people.items() if node[2] == bureau)
            if len(across) >= N:
                rows.append(across)
        order = sorted(people)
        leaked += sum(_determined(rows, order, group) for group in _small_groups(people))
    assert leaked > 0


def _hidden_groups(counts: Mapping[str, int], min_n: int = N) -> set[str]:
    """The rule before blocks (kept here to show the attacker beating it): paths whose figures
    one report hides.

    ``counts`` gives the number of people in each group, a parent's count including its
    children.  Primary suppression hides every group under ``min_n``.  Then, for every shown
    parent, the residual — parent minus its shown children — is what subtraction reveals; it
    must be 0 or at least ``min_n`` people, so while it is not, the smallest shown child is
    hidden as well (or the parent, if no child is left).
    """
    min_n = check_min_group(min_n)
    hidden = {path for path, n in counts.items() if n < min_n}
    families: dict[str, list[str]] = {}
    for path in counts:
        if path:
            families.setdefault(path.rsplit("/", 1)[0] if "/" in path else "", []).append(path)
    changed = True
    while changed:  # hiding one group can open another gap further up; repeat until stable
        changed = False
        for parent, children in families.items():
            # a hidden parent is checked too: its size may itself be derivable one level up
            if parent not in counts:
                continue
            shown = sorted((counts[c], c) for c in children if c not in hidden)
            residual = counts[parent] - sum(n for n, _c in shown)
            target = shown[0][1] if shown else parent
            if 0 < residual < min_n and target not in hidden:
                hidden.add(target)
                changed = True
    return hidden
