"""Blocks of at least N people: the unit every published figure is built from (privacy by construction).

Hiding small groups one report at a time fails across reports: 部 − Σ(課 shown) in one filter, the
same 部 in another filter, the 前年度 line … each difference can isolate one person.  Here the
people a family of figures can describe are first cut into **blocks** of at least N, and every
figure is then a sum over whole blocks.  Any sum, difference or other linear combination of such
figures is a combination of block totals, so it never separates fewer than N people: that is the
whole argument (docs/privacy.md), and ``tests/core/test_partition.py`` checks it with linear algebra.

The blocks follow a tree of dimensions — for a summary: 区分 › 試験 › 局 › 部 › 課 — built bottom-up:

* a node whose people (its own, plus what its children left over) number at least N becomes a block:
  **whole** when nothing of its subtree went to a block below it (the unit is shown as it is),
  otherwise the node's 「その他（少人数）」 block;
* fewer than N are passed up to the parent: small units merge upward instead of being blanked, and a
  parent's own members (the 部長 who sits in the 部 itself) join that merged block instead of forcing
  their children's figures to be hidden;
* what is left at the root (fewer than N) takes in the smallest block (the closest in the tree of
  those), until it reaches N, and belongs to the unit that holds all its people; with fewer
  than N people in all there is no block, and nothing is published.

A figure for a filter (a 所属, a 区分, a window, or several) is the union of the blocks whose people
the filter all selects.  People merged above the filtered node are then not in it: the report says so
(``Selection.partial``) rather than showing a figure about fewer people than it names.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Node = tuple[str, ...]


@dataclass(frozen=True)
class Block:
    node: Node
    """Where the block is attached (the unit it belongs to)."""
    whole: bool
    """True: exactly the people of ``node``'s subtree.  False: the 「その他（少人数）」 of ``node``."""
    members: frozenset[Hashable]


def partition(people: Mapping[Any, Node], min_n: int, weight: Mapping[Any, int] | None = None,
              heads: Mapping[Any, int] | None = None) -> list[Block]:
    """Cut ``people`` (person → the tree node they sit at, e.g. ("recruit", "w12", "総務局", "総務部"))
    into blocks of at least ``min_n``, as the module docstring describes.  Deterministic: the same
    people give the same blocks, in tree order.

    A report passes one entry per unit instead of per person (a unit's people always stay together),
    with ``weight``: how many people with results it holds, and ``heads``: how many people in all
    (results and head counts alike are published).  A block then needs ``min_n`` people with results
    — or, holding no result at all, ``min_n`` people — so no figure of either kind is about fewer."""
    direct: dict[Node, list[Hashable]] = {}
    children: dict[Node, set[Node]] = {(): set()}
    for person, node in people.items():
        direct.setdefault(node, []).append(person)
        for depth in range(len(node)):
            children.setdefault(node[:depth], set()).add(node[:depth + 1])
            children.setdefault(node[:depth + 1], set())
    blocks: list[Block] = []

    def size(pool: Iterable[Hashable]) -> int:
        return sum(1 if weight is None else weight.get(member, 0) for member in pool)

    def enough(pool: Iterable[Hashable]) -> bool:
        pool = list(pool)
        results = size(pool)
        everyone = sum((heads or weight or {}).get(member, 1) for member in pool)
        return results >= min_n or (results == 0 and everyone >= min_n)

    def visit(node: Node) -> list[Hashable]:
        pool = sorted(direct.get(node, []), key=repr)
        formed_before = len(blocks)
        for child in sorted(children[node]):
            pool += visit(child)
        if enough(pool) and node:
            blocks.append(Block(node, len(blocks) == formed_before, frozenset(pool)))
            return []
        return pool

    leftover = visit(())
    if leftover:
        blocks = _absorb_at_root(blocks, leftover, people, enough, size)
    return blocks


def _common(nodes: Iterable[Node]) -> Node:
    nodes = list(nodes)
    first = nodes[0]
    depth = 0
    while depth < len(first) and all(len(node) > depth and node[depth] == first[depth] for node in nodes):
        depth += 1
    return first[:depth]


def _absorb_at_root(blocks: list[Block], leftover: list[Hashable], people: Mapping[Any, Node],
                    enough: Callable[[Iterable[Hashable]], bool],
                    size: Callable[[Iterable[Hashable]], int]) -> list[Block]:
    """Too few left at the top: the total − Σ blocks would describe them.  Fold in the smallest block
    (of those, the closest to them in the tree) until they are enough — a large unit is never hidden
    to cover a few people.  The merged block belongs to the unit that holds all its people."""
    pool = set(leftover)
    remaining = list(blocks)

    def closeness(block: Block) -> tuple[int, int, Node]:
        shared = max(len(_common([block.node, people[member]])) for member in pool)
        return (size(block.members), -shared, block.node)

    while not enough(pool) and remaining:
        nearest = min(remaining, key=closeness)
        remaining.remove(nearest)
        pool |= nearest.members
    if not enough(pool):
        return []  # too few people in all: no figure at all
    return [*remaining, Block(_common(people[member] for member in pool), False, frozenset(pool))]


@dataclass(frozen=True)
class Selection:
    """The people a filtered figure is computed over."""

    members: frozenset[Hashable]
    blocks: tuple[Block, ...]
    partial: bool
    """Some people the filter names sit in a block attached above it (merged into a 「その他」 there)
    and are not counted here."""


def select_blocks(blocks: Iterable[Block], people: Mapping[Any, Node],
                  selects: Callable[[Node], bool]) -> Selection:
    """The union of the blocks whose people all sit at nodes ``selects`` accepts: the only way a
    figure is made.  A block merged above a unit still counts for it when everyone in it belongs
    there; ``partial`` tells whether people at accepted nodes were left out because their block also
    holds people from elsewhere."""
    chosen = tuple(block for block in blocks if all(selects(people[member]) for member in block.members))
    members = frozenset().union(*(block.members for block in chosen)) if chosen else frozenset()
    named = {person for person, node in people.items() if selects(node)}
    return Selection(members, chosen, bool(named - members))


def under(prefix: Node) -> Callable[[Node], bool]:
    """A filter selecting ``prefix`` and everything below it."""
    return lambda node: node[:len(prefix)] == prefix
