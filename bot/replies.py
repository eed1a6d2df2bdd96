"""Replies within WeChat's limits: a passive reply now, the rest as customer-service messages."""

from __future__ import annotations

from dataclasses import dataclass

from wechatpy.replies import ArticlesReply, TextReply

from handlers.types import Reply

# WeChat cuts a text reply at 2048 bytes of UTF-8.
MAX_TEXT_BYTES = 2048


@dataclass(frozen=True)
class Rendered:
    xml: str  # the passive reply
    continuation: tuple[str, ...]  # texts to send after it, in order


def render(reply: Reply, *, openid: str, bot_id: str, created: int) -> Rendered:
    if reply.article is not None:
        news = ArticlesReply(source=bot_id, target=openid, time=created)
        news.add_article({
            "title": _cdata_safe(reply.article.title),
            "description": _cdata_safe(reply.article.description),
            "image": reply.article.image,
            "url": reply.article.url,
        })
        return Rendered(news.render(), ())
    first, *rest = split_text(_cdata_safe(reply.text))
    return Rendered(TextReply(source=bot_id, target=openid, content=first, time=created).render(), tuple(rest))


def split_text(text: str, limit: int = MAX_TEXT_BYTES) -> list[str]:
    """Pieces of at most `limit` UTF-8 bytes, broken at line ends where possible."""
    pieces: list[str] = []
    while len(text.encode("utf-8")) > limit:
        cut = _longest_prefix(text, limit)
        line_end = text.rfind("\n", 0, cut)
        if line_end > cut // 2:
            cut = line_end + 1
        pieces.append(text[:cut].rstrip("\n"))
        text = text[cut:]
    pieces.append(text)
    return pieces


def _longest_prefix(text: str, limit: int) -> int:
    """How many characters fit in `limit` bytes."""
    encoded = text.encode("utf-8")[:limit]
    return len(encoded.decode("utf-8", errors="ignore"))


def _cdata_safe(text: str) -> str:
    # wechatpy writes fields as CDATA without escaping; "]]>" would end it early.
    return text.replace("]]>", "]] >")
