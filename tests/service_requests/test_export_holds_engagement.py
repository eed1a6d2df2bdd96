"""`导出我的信息` holds what a member did of the bank's events, surveys, honour roll and proofs, in their own words."""

from datetime import timedelta

from storage import data_export, events, members, proofs, stars, surveys
from storage.base import utcnow
from storage.members import Consent, PersonalData


async def test_a_volunteer_s_copy_holds_her_event_survey_answer_honour_roll_choice_and_proof(sessions, keyring):
    now = utcnow()
    staff, volunteer = [await members.register_member(
        sessions, keyring, role="volunteer", openid=f"o_copy_{n}", community="青山湖社区", birth_year=1970,
        consent=Consent("2026-11", now), personal=PersonalData(real_name=name, phone=f"1360000{n:04d}"))
        for n, name in enumerate(("赵敏", "刘芳"))]
    staff = await members.make_staff(sessions, staff.id, members.SYSTEM)
    event = await events.create_event(
        sessions, request_key="copy", kind=events.ACTIVITY, title="重阳节茶话会", place="活动室",
        starts_at=now + timedelta(days=1), capacity=5, audience=events.EVERYONE, community="青山湖社区",
        service_code=None, certificate_months=None, by=staff.actor, now=now)
    await events.sign_up(sessions, event.id, volunteer.id, now)
    survey = await surveys.open_survey(
        sessions, kind=surveys.VOLUNTEER_SURVEY, author_id=staff.id, community="青山湖社区", days=None, since=None,
        now=now, closes_at=now + timedelta(days=14), request_key="copy", broadcast_key="copy")
    await surveys.record(sessions, survey.id, volunteer.id, now=now, wishes=[1, 3])
    await surveys.add_note(sessions, survey.id, volunteer.id, "周末有空就来", now)
    await stars.set_choice(sessions, volunteer.id, True, is_staff=False, now=now)
    proof = await proofs.issue(sessions, member_id=volunteer.id, request_key="copy", issuer="青山湖社区",
                               period_year=None, minutes_by_service={"chat": 120}, star_level=0, now=now)

    copy = await data_export.gather(sessions, keyring, volunteer.id)

    assert [(e["title"], e["status"]) for e in copy["events"]] == [("重阳节茶话会", events.SEATED)]
    assert [(a["wishes"], a["note"]) for a in copy["survey_answers"]] == [([1, 3], "周末有空就来")]
    assert copy["honour_roll"]["opted_in"] is True
    assert [(p["code"], p["total_min"], p["revoked"]) for p in copy["service_proofs"]] == [(proof.code, 120, False)]
    assert "周末有空就来" in data_export.as_json(copy)
