"""The outbox's way to a proof's picture: the proof named by the message, drawn, uploaded, sent as an image.

A `proof_image` message carries only the proof's code; the picture is drawn when it is sent, from the proof's
frozen figures and the member's own name (read as the member reading their own data, so logged like it).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.proof_picture import draw
from bot.wechat_api import WeChatApi
from handlers.context import Context
from handlers.proof import PICTURE_KIND, proof_words
from storage import proofs
from storage.outbox import Delivery


class ProofPictures:
    def __init__(self, context: Context, api: WeChatApi, font: Path):
        self._context, self._api, self._font = context, api, font

    async def send(self, delivery: Delivery) -> None:
        ctx = self._context
        proof = await proofs.find(ctx.bank.sessions, delivery.body)
        if proof is None:
            raise LookupError("no proof under the code the message names")
        words = await proof_words(proof, ctx)
        picture = await asyncio.to_thread(draw, words, ctx.proofs.verify_url + proof.code, self._font)
        media_id = await self._api.upload_image(picture, f"proof-{proof.code}.png")
        await self._api.send_image(delivery.openid, media_id)


def picture_senders(context: Context, api: WeChatApi, font: Path | None) -> dict:
    """Outbox kind → how to send it as a picture; none without a font (开证明 then queues nothing)."""
    if font is None or context.proofs is None:
        return {}
    return {PICTURE_KIND: ProofPictures(context, api, font).send}
