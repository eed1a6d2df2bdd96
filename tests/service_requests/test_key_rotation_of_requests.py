"""Rotating the encryption key reaches what requests keep sealed: places, map points, notes."""

from datetime import timedelta

from storage import members, tasks
from storage.base import utcnow
from storage.privacy import KeyRing
from storage.tasks import rotation
from tests.service_requests.conftest import NEXT_DOOR


async def test_a_request_s_place_point_and_notes_move_to_the_new_key_and_still_read(community, runtime):
    elder = await community.elder()
    volunteer = await community.volunteer("o_vol_zhang")
    start = (utcnow() + timedelta(days=2)).replace(second=0, microsecond=0)
    task = await tasks.post_request(
        runtime.sessions, runtime.keyring, request_key="rotation", requester_id=elder.id, actor=elder.actor,
        service_code="cleaning", starts_at=start, duration_min=60, catalogue=runtime.config.catalogue,
        policy=runtime.config.exchange, place="幸福路88号", place_point=tasks.Point(*NEXT_DOOR), notes="钥匙在鞋柜",
        now=utcnow())
    await tasks.accept(runtime.sessions, task.id, volunteer.actor, catalogue=runtime.config.catalogue,
                       policy=runtime.config.exchange, ledger_rules=runtime.config.ledger_rules,
                       rules=runtime.config.task_rules, now=utcnow())
    fresh = KeyRing.generate("k2")
    rotated = KeyRing("k2", {**runtime.keyring.keys, **fresh.keys}, runtime.keyring.lookup_key)

    assert await rotation.rotate(runtime.sessions, rotated, batch_size=1) == 3
    assert await rotation.rotate(runtime.sessions, rotated) == 0
    await members.rotate(runtime.sessions, rotated)

    only_new = KeyRing("k2", {"k2": fresh.keys["k2"]}, runtime.keyring.lookup_key)
    contact = await tasks.contact_for_volunteer(runtime.sessions, only_new, task.id, volunteer.actor,
                                                start - timedelta(hours=1))  # inside the contact window
    assert contact.address == "幸福路88号"
