"""The state machine refuses every move it does not list, and a refused move changes nothing at all.

One real task is brought into each status; then every event that the
TRANSITIONS table does not allow from that status is tried through the public
functions (sweep events through `transitions.move`, as the sweeps do), and
the task, its history, the ledger and the alerts are compared before and after.
"""

from datetime import timedelta

from sqlalchemy import func, select

from storage import alerts, audit, ledger, tasks
from storage.ledger import models as ledger_tables  # the ledger's own rows, read to check what it wrote
from storage.ledger import in_transaction
from storage.members import Actor
from storage.tasks import transitions
from storage.tasks.transitions import TRANSITIONS

SWEEP_EVENTS = {transitions.EXPIRE, transitions.NO_SHOW, transitions.AUTO_CONFIRM}
ANSWERED_AGAIN = {(tasks.DONE, transitions.CONFIRM)}  # idempotent: returns the first settlement, changes nothing


def test_the_table_names_known_statuses_and_every_status_is_reachable():
    assert {status for status, _ in TRANSITIONS} | set(TRANSITIONS.values()) == set(tasks.STATUSES)
    terminal = set(tasks.STATUSES) - {status for status, _ in TRANSITIONS}
    assert terminal == {tasks.DONE, tasks.CANCELLED, tasks.EXPIRED}


async def one_task_in_each_status(desk, town) -> dict:
    elder = await desk.elder(funded=6000)
    volunteers = [await desk.volunteer() for _ in range(5)]
    made = {tasks.OPEN: await desk.post(elder, starts_in=timedelta(days=2)),
            tasks.ACCEPTED: await desk.accepted_task(elder, volunteers[0], starts_in=timedelta(days=2)),
            tasks.IN_SERVICE: await desk.task_in_service(elder, volunteers[1], starts_in=timedelta(hours=1))}
    disputed = await desk.task_in_service(elder, volunteers[2], starts_in=timedelta(hours=1))
    made[tasks.DISPUTED] = await desk.dispute(disputed.id, elder.actor)
    cancelled = await desk.accepted_task(elder, volunteers[3], starts_in=timedelta(days=2))
    made[tasks.CANCELLED] = await desk.cancel(cancelled.id, elder.actor)
    done = await desk.task_in_service(elder, volunteers[4], starts_in=timedelta(hours=1))
    stale = await desk.post(elder, starts_in=timedelta(hours=1))
    desk.later(hours=3)
    made[tasks.DONE] = (await desk.confirm(done.id, elder.actor)).task
    [made[tasks.EXPIRED]] = await tasks.expire_stale(desk.sessions, now=desk.now)
    assert made[tasks.EXPIRED].id == stale.id and {status: t.status for status, t in made.items()} == {
        status: status for status in made}
    return {"elder": elder, "staff": await town.staff(), "stranger": await desk.volunteer(), "tasks": made}


def attempt(desk, cast, task, event):
    """The public call that performs `event` on `task`, by the person entitled to it."""
    elder, staff = cast["elder"], cast["staff"]
    actor = cast["stranger"].actor if task.volunteer_id is None else Actor(task.volunteer_id)
    calls = {
        transitions.ACCEPT: lambda: desk.accept(task.id, cast["stranger"]),
        transitions.CANCEL: lambda: desk.cancel(task.id, elder.actor),
        transitions.VOLUNTEER_CANCEL: lambda: desk.cancel(task.id, actor),
        transitions.CHECK_IN: lambda: tasks.check_in(desk.sessions, desk.keyring, task.id, actor, None,
                                                     rules=desk.rules, now=desk.now),
        transitions.CHECK_OUT: lambda: tasks.check_out(desk.sessions, desk.keyring, task.id, actor, None,
                                                       rules=desk.rules, now=desk.now),
        transitions.CONFIRM: lambda: desk.confirm(task.id, elder.actor),
        transitions.DISPUTE: lambda: desk.dispute(task.id, elder.actor),
        transitions.RESOLVE_PAY: lambda: desk.resolve(task.id, staff.actor, "PAY"),
        transitions.RESOLVE_PART: lambda: desk.resolve(task.id, staff.actor, "PART", amount=1),
        transitions.RESOLVE_REFUND: lambda: desk.resolve(task.id, staff.actor, "REFUND"),
    }
    if event in SWEEP_EVENTS:
        return in_transaction(desk.sessions, lambda session: _sweep_move(session, task.id, event, desk.now))
    return calls[event]()


async def _sweep_move(session, request_id, event, now):
    row = await transitions.lock_request(session, request_id)
    await transitions.move(session, row, event, audit.SYSTEM, now)


async def snapshot(desk, request_id):
    async with desk.sessions() as session:
        counts = [(await session.execute(select(func.count()).select_from(table))).scalar_one()
                  for table in (ledger_tables.HoldRow, ledger_tables.HoldResolutionRow, ledger_tables.TransferRow, alerts.AlertRow)]
    return await desk.task(request_id), await tasks.history(desk.sessions, request_id), counts


async def test_every_move_not_in_the_table_is_refused_without_any_change(desk, town):
    cast = await one_task_in_each_status(desk, town)
    tried = []
    for status, task in cast["tasks"].items():
        for event in transitions.EVENTS:
            if (status, event) in TRANSITIONS:
                continue
            before = await snapshot(desk, task.id)
            try:
                await attempt(desk, cast, task, event)
                outcome = "answered"
            except tasks.TaskError as refusal:
                outcome = refusal.code
            assert outcome != "answered" or (status, event) in ANSWERED_AGAIN, (status, event)
            assert await snapshot(desk, task.id) == before, (status, event)
            tried.append((status, event, outcome))

    assert len(tried) == len(tasks.STATUSES) * len(transitions.EVENTS) - len(TRANSITIONS)
    wrong_state = {(status, event) for status, event, outcome in tried if outcome == "wrong_state"}
    assert (tasks.DONE, transitions.DISPUTE) in wrong_state and (tasks.EXPIRED, transitions.EXPIRE) in wrong_state
    assert (await desk.verify()).ok
