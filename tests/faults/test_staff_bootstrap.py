"""The first admin: nobody can appoint them in chat, so the operator does, from the machine.

`timebank staff add` and `timebank staff list` run as the operator runs them, on the test's config file.
"""

from __future__ import annotations

import asyncio
import os
import sys

from storage import audit, members


async def staff_cli(config_path, *arguments: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "staff", *arguments, "--config", str(config_path), env=dict(os.environ),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, _ = await process.communicate()
    return process.returncode, out.decode()


async def test_the_operator_makes_the_first_admin_once_and_it_is_audited_as_system(community, runtime, tmp_path):
    config_path = tmp_path / "config.toml"
    volunteer = await community.volunteer("o_first_admin")

    status, said = await staff_cli(config_path, "add", "--openid", "o_first_admin", "--admin")
    assert status == 0 and "is now admin" in said
    status, said = await staff_cli(config_path, "add", "--openid", "o_first_admin", "--admin")
    assert status == 0 and "was already admin" in said

    appointed = await members.member_by_openid(runtime.sessions, "o_first_admin")
    assert appointed.is_staff and appointed.is_admin
    acts = [entry for entry in await audit.entries(runtime.sessions, subject=volunteer.id)
            if entry.action == "make_staff"]
    assert len(acts) == 1 and acts[0].actor == "system", acts

    status, listed = await staff_cli(config_path, "list")
    assert status == 0 and "o_first_admin\tadmin" in listed


async def test_an_openid_nobody_registered_is_refused_with_one_line(runtime, tmp_path):
    status, said = await staff_cli(tmp_path / "config.toml", "add", "--openid", "o_nobody")
    assert status == 1 and "register in chat first" in said
