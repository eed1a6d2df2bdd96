"""What the handlers are given to work with, built from the running bot's stores and configuration."""

from __future__ import annotations

from datetime import timedelta

from bot.proof_picture import find_font
from bot.runtime import Runtime
from handlers.context import Bank, Community, ConsoleDoor, Context, ProofDesk
from storage.redis_state import DialogueStore
from storage.sos_spool import SOS_SPOOL_DIR, SosSpool


def handler_context(runtime: Runtime) -> Context:
    config = runtime.config
    return Context(
        community=Community(config.community.name, config.community.hotline),
        faq=config.knowledge,
        dialogue=DialogueStore(runtime.redis, runtime.keyring, ttl_s=config.conversation_idle_timeout_s),
        bank=Bank(
            sessions=runtime.sessions, keyring=runtime.keyring, rules=config.ledger_rules, policy=config.exchange,
            catalogue=config.catalogue, daily_transfer_limit_min=config.daily_transfer_limit_min,
            staff_openids=config.all_staff_openids, staff_admins=config.staff_admins,
            partner_operators=config.partner_operators,
            task_rules=config.task_rules, jobs=runtime.jobs, broadcasts=config.broadcast,
            doubt_silence=timedelta(minutes=config.doubt_silence_min),
            corrections=config.corrections, stars=config.stars, surveys=config.surveys,
        ),
        console=ConsoleDoor(runtime.redis, config.console.base_url,
                            timedelta(minutes=config.console.link_minutes)),
        sos_spool=SosSpool(config.data_dir / SOS_SPOOL_DIR),
        proofs=ProofDesk(f"{config.console.base_url}/verify/",
                         drawable=find_font(config.certificate_font) is not None),
    )
