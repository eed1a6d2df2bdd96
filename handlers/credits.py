"""Looking at one's credits: the balance, and the statement a page at a time."""

from __future__ import annotations

from handlers.context import Context
from handlers.family_words import elder_seen_by_family
from handlers.identity import account_of
from handlers.names import TRANSFER_KINDS
from handlers.routes import Intent
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import ledger, members, redemptions
from storage.exchange import format_minutes

HISTORY_PAGE = 5
HISTORY_CURSOR_TTL_S = 600

SYSTEM_ACCOUNT_NAMES = {ledger.POOL: "社区公益池", ledger.ISSUANCE: "时间银行", ledger.ADJUSTMENT: "账务调整"}


async def show_balance(turn: Turn) -> Outcome:
    ctx, member = turn.ctx, await turn.member()
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), "balance")
    balance = await ledger.member_balance(ctx.bank.sessions, member.ledger_ref)
    own = ctx.text("balance", available=format_minutes(balance.available), held=format_minutes(balance.held),
                   earned=format_minutes(balance.earned_total), spent=format_minutes(balance.spent_total))
    return Outcome(Reply("\n\n".join((own, *await _elders_balances(member, ctx)))), "balance")


async def _elders_balances(member: members.Member, ctx: Context) -> list[str]:
    """"我妈还有多少时间币" from a daughter: the elders she acts for pay for what she books, so she sees theirs."""
    lines = []
    for binding in await members.bound_elders(ctx.bank.sessions, member.id):
        elder = await members.member_by_id(ctx.bank.sessions, binding.elder_id)
        if elder is None or elder.erased_at is not None:
            continue
        name = (await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, elder.id)).real_name or ""
        balance = await ledger.member_balance(ctx.bank.sessions, elder.ledger_ref)
        lines.append(ctx.text("balance_of_elder", elder=elder_seen_by_family(binding.relation, name),
                              available=format_minutes(balance.available)))
    return lines


async def show_history(turn: Turn) -> Outcome:
    """The statement a page at a time: "更多" (the parser's page "next") goes on where the last page ended."""
    incoming, ctx, member = turn.incoming, turn.ctx, await turn.member()
    next_page = turn.slots.get("page") == "next"
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), "history")
    account = await account_of(member, ctx)
    before = await ctx.dialogue.recall(incoming.openid, "history_before") if next_page else None
    page = await ledger.statement(ctx.bank.sessions, account.id, limit=HISTORY_PAGE, before_id=before)
    if not page.entries:
        return Outcome(Reply(ctx.text("history_end" if next_page else "history_empty")), "history")
    # 0: the oldest page has been shown; "更多" then says there is nothing earlier.
    await ctx.dialogue.note(incoming.openid, "history_before", page.next_before_id or 0, HISTORY_CURSOR_TTL_S)
    lines = [await _entry_line(entry, ctx) for entry in page.entries]
    more = ctx.text("history_more") if page.next_before_id else ""
    return Outcome(Reply(ctx.text("history", lines="\n".join(lines), more=more)), "history")


async def _entry_line(entry: ledger.StatementEntry, ctx: Context) -> str:
    day = ctx.local(entry.at)
    sign = "+" if entry.amount_min > 0 else "-"
    who = await counterparty_name(entry.counterparty_account_id, ctx)
    return f"{day.month}月{day.day}日 {TRANSFER_KINDS.get(entry.kind, entry.kind)} {sign}{format_minutes(abs(entry.amount_min))} {who}"


async def counterparty_name(account_id: int, ctx: Context) -> str:
    """How the other side of a transfer is shown: members masked, the bank's own accounts by role."""
    account = await ledger.account_by_id(ctx.bank.sessions, account_id)
    if (member_id := members.member_id_of(account.owner_ref)) is not None:
        return (await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, member_id)).real_name or "会员"
    if account.kind == ledger.PARTNER:
        partner = await redemptions.partner_name(ctx.bank.sessions, account.owner_ref)
        return partner or "合作商家"
    return SYSTEM_ACCOUNT_NAMES.get(account.kind, "时间银行")


ROUTES = (
    Intent("balance", show_balance, title="查时间币"),
    Intent("history", show_history, title="看时间币明细"),
)
