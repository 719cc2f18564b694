"""Helpers that walk a round through proposal and council, for tests of the later steps."""

import datetime

from awards.services import (
    cast_vote,
    close_session,
    open_session,
    propose,
    record_decision,
    record_unit_decision,
)
from campaigns import roles
from tests.factories import BANG_KHEN, appraised, award_type, make_user


def council_members(cast, extra: int = 2) -> list:
    """The cast's council member plus `extra` more: a council of extra + 1."""
    return [cast.council] + [make_user(f"hoidong{i}", roles.COUNCIL_MEMBER, cast.noivu) for i in range(extra)]


def voted_round(cast, round_, *, votes: dict, members: list):
    """Propose the dossiers in votes, open the session, cast each member's votes, close.

    votes: {nomination: [choice per member]}.
    """
    propose(actor=cast.manager, round=round_, nominations=list(votes))
    open_session(actor=cast.manager, round=round_)
    for nomination, choices in votes.items():
        for member, choice in zip(members, choices, strict=True):
            if choice:
                cast_vote(actor=member, nomination=nomination, choice=choice)
    close_session(actor=cast.manager, round=round_)


def individual_and_collective(cast, round_):
    person_dossier = appraised(round_, created_by=cast.officer_a, proposing_unit=cast.unit_a, score="95")
    unit_dossier = appraised(
        round_, created_by=cast.officer_a, unit=cast.unit_a_child, proposing_unit=cast.unit_a
    )
    return person_dossier, unit_dossier


def unit_decision(
    cast, round_, number, issued_on, *, actor=None, signer_name="Phạm Quốc Khánh", people=(), units=()
):
    """A head's own Giấy khen decision (unit A's head unless `actor`), signed by its Chủ tịch."""
    return record_unit_decision(
        actor=actor or cast.head_a,
        round=round_,
        number=number,
        issued_on=issued_on,
        signer_name=signer_name,
        signer_title="Chủ tịch",
        people=people,
        units=units,
    )


def province_decision(cast, round_, **extra):
    """The Chairman's Bằng khen decision of the round as the manager records it (fields overridable)."""
    fields = dict(
        actor=cast.manager,
        round=round_,
        award_type=award_type(BANG_KHEN),
        number="123/QĐ-UBND",
        issued_on=datetime.date(2026, 1, 15),
        signer_name="Trần Quốc Văn",
        signer_title="Chủ tịch",
        issuer="Ủy ban nhân dân tỉnh Hưng Yên",
    )
    fields.update(extra)
    return record_decision(**fields)
