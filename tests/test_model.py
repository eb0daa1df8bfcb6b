"""The data model's own behaviour: what makes two ties the same and how they hash."""

from __future__ import annotations

import pytest

from diplomap.model import Evidence, Tie


def evidence(sentence: int) -> Evidence:
    return Evidence(sentence, "sanksi", 0, 6, "USA", "VEN")


def test_hashing_a_tie_does_not_hash_its_evidence() -> None:
    unhashable = Evidence(0, "sanksi", 0, 6, "USA", "VEN", negated=[])  # type: ignore[arg-type]
    tie = Tie("USA", "VEN", "sanction", True, (unhashable,))
    assert hash(tie) == hash(Tie("USA", "VEN", "sanction", True))


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        (Tie("USA", "VEN", "sanction", True), Tie("USA", "VEN", "sanction", True), True),
        (
            Tie("USA", "VEN", "sanction", True, (evidence(1),)),
            Tie("USA", "VEN", "sanction", True, (evidence(2),)),
            False,
        ),
        (Tie("USA", "VEN", "sanction", True), Tie("VEN", "USA", "sanction", True), False),
        (Tie("USA", "VEN", "sanction", True), Tie("USA", "VEN", "talks", True), False),
        (Tie("USA", "VEN", "talks", True), Tie("USA", "VEN", "talks", False), False),
        (Tie("USA", "VEN", "aid", True), Tie("USA", "VEN", "aid", True, edited="added"), False),
    ],
)
def test_ties_are_equal_only_with_equal_fields(left: Tie, right: Tie, same: bool) -> None:
    assert (left == right) is same
    assert len({left, right}) == (1 if same else 2)
