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
* what is left at the root (fewer than N) takes in the smallest block attached nearest the root, until
  it reaches N; with fewer than N people in all there is no block, and nothing is published.

A figure for a filter (a 所属, a 区分, a window, or several) is the union of the blocks attached at a
node the filter selects.  People merged above the filtered node are then not in it: the report says so
(``Selection.partial``) rather than showing a figure about fewer people than it names.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass

Node = tuple[str, ...]


@dataclass(frozen=True)
class Block:
    node: Node
    """Where the block is attached (the unit it belongs to)."""
    whole: bool
    """True: exactly the people of ``node``'s subtree.  False: the 「その他（少人数）」 of ``node``."""
    members: frozenset[Hashable]


def partition(people: Mapping[Hashable, Node], min_n: int) -> list[Block]:
    """Cut ``people`` (person → the tree node they sit at, e.g. ("recruit", "w12", "総務局", "総務部"))
    into blocks of at least ``min_n``, as the module docstring describes.  Deterministic: the same
    people give the same blocks, in tree order."""
    direct: dict[Node, list[Hashable]] = {}
    children: dict[Node, set[Node]] = {(): set()}
    for person, node in people.items():
        direct.setdefault(node, []).append(person)
        for depth in range(len(node)):
            children.setdefault(node[:depth], set()).add(node[:depth + 1])
            children.setdefault(node[:depth + 1], set())
    blocks: list[Block] = []

    def visit(node: Node) -> list[Hashable]:
        pool = sorted(direct.get(node, []), key=repr)
        formed_before = len(blocks)
        for child in sorted(children[node]):
            pool += visit(child)
        if len(pool) >= min_n and node:
            blocks.append(Block(node, len(blocks) == formed_before, frozenset(pool)))
            return []
        return pool

    leftover = visit(())
    if leftover:
        blocks = _absorb_at_root(blocks, leftover, min_n)
    return blocks


def _absorb_at_root(blocks: list[Block], leftover: list[Hashable], min_n: int) -> list[Block]:
    """Fewer than N left at the root: fold in the blocks nearest the root, smallest first, until the
    root's own 「その他」 holds N — otherwise root total − Σ blocks would describe them."""
    pool = set(leftover)
    remaining = list(blocks)
    while len(pool) < min_n and remaining:
        nearest = min(remaining, key=lambda block: (len(block.node), len(block.members), block.node))
        remaining.remove(nearest)
        pool |= nearest.members
    if len(pool) < min_n:
        return []  # fewer than N people in all: no figure at all
    return [*remaining, Block((), False, frozenset(pool))]


@dataclass(frozen=True)
class Selection:
    """The people a filtered figure is computed over."""

    members: frozenset[Hashable]
    blocks: tuple[Block, ...]
    partial: bool
    """Some people the filter names sit in a block attached above it (merged into a 「その他」 there)
    and are not counted here."""


def select_blocks(blocks: Iterable[Block], people: Mapping[Hashable, Node],
                  selects: Callable[[Node], bool]) -> Selection:
    """The union of the blocks attached at nodes ``selects`` accepts: the only way a figure is made.
    ``partial`` tells whether people at selected nodes were left out because their block sits higher."""
    chosen = tuple(block for block in blocks if selects(block.node))
    members = frozenset().union(*(block.members for block in chosen)) if chosen else frozenset()
    named = {person for person, node in people.items() if selects(node)}
    return Selection(members, chosen, bool(named - members))


def under(prefix: Node) -> Callable[[Node], bool]:
    """A filter selecting ``prefix`` and everything below it."""
    return lambda node: node[:len(prefix)] == prefix
