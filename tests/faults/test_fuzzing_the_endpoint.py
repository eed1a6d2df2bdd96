"""Whatever arrives at the WeChat endpoint, WeChat never sees a 5xx and the bot never meets an exception it did
not expect; memory stays bounded under huge messages.

Every request is correctly signed (so it gets past the signature into the parsers), then anything goes: random
bytes, mangled XML, every message type with fields missing or of the wrong kind, huge fields, odd encodings,
AES envelopes that are not. Examples are derandomized: the same run every time.
"""

import random
import time
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.simulator import ACCOUNT_ID
from tests.faults.conftest import WeChatTo
from tests.hypothesis_profiles import examples

UNEXPECTED = ("Traceback", "handler failed", "unexpected failure")

MESSAGE_FIELDS = {
    "text": ("Content",),
    "image": ("PicUrl", "MediaId"),
    "voice": ("MediaId", "Format", "Recognition"),
    "video": ("MediaId", "ThumbMediaId"),
    "shortvideo": ("MediaId", "ThumbMediaId"),
    "location": ("Location_X", "Location_Y", "Scale", "Label"),
    "link": ("Title", "Description", "Url"),
    "file": ("Title", "FileKey", "FileMd5", "FileTotalLen"),
    "miniprogrampage": ("Title", "AppId", "PagePath"),
    "event": ("Event", "EventKey", "Ticket", "Latitude", "Longitude", "Precision", "Status", "MsgID",
              "TotalCount", "FilterCount", "SentCount", "ErrorCount"),
    "no_such_type": ("Whatever",),
}
EVENTS = ("subscribe", "unsubscribe", "SCAN", "CLICK", "VIEW", "LOCATION", "MASSSENDJOBFINISH",
          "TEMPLATESENDJOBFINISH", "scancode_push", "pic_weixin", "unknown_event", "")
ENCODINGS = ("utf-8",) * 6 + ("gbk", "utf-16", "utf-8-sig", "latin-1", "big5")

printable = st.characters(blacklist_categories=("Cs", "Cc"))
short_text = st.text(printable, max_size=40)
field_value = st.one_of(
    short_text, short_text, short_text, short_text,  # one_of picks a branch uniformly: weights by repetition
    st.text(max_size=10),  # control characters and all
    st.sampled_from(["", "0", "-1", "1e309", "NaN", "９９", "]]>", "<![CDATA[", "&amp;", "\x00", "\ud7ff", "救命"]),
    st.integers(min_value=-2**70, max_value=2**70).map(str),
    st.builds(lambda unit, times: unit * times, st.sampled_from(["救", "a", "<", "💥"]),
              st.integers(min_value=1_000, max_value=70_000)),  # huge: some over the 64 KiB limit
)


@st.composite
def wechat_message(draw) -> str:
    """A message of any type, each field there or not, holding anything."""
    def mostly(usual: str) -> str:  # the usual value nine times in ten, else anything
        return draw(field_value) if draw(st.integers(0, 9)) == 0 else usual

    msg_type = draw(st.sampled_from(sorted(MESSAGE_FIELDS)))
    header = {"ToUserName": mostly(ACCOUNT_ID), "FromUserName": mostly(f"o_fuzz_{draw(st.integers(0, 9))}"),
              "CreateTime": mostly(str(int(time.time()))), "MsgType": mostly(msg_type),
              "MsgId": mostly(str(draw(st.integers(min_value=0, max_value=2**64))))}
    fields = {name: draw(field_value) for name in MESSAGE_FIELDS[msg_type]}
    if msg_type == "event":
        fields["Event"] = draw(st.one_of(st.sampled_from(EVENTS), short_text))
    # Mostly a whole header, so that most messages reach the handlers; any field may be missing.
    present = {**{name: value for name, value in header.items() if draw(st.integers(0, 19))},
               **{name: value for name, value in fields.items() if draw(st.booleans())}}
    cdata = draw(st.booleans())  # as WeChat writes (CDATA), or as escaped text
    body = "".join(f"<{name}><![CDATA[{value}]]></{name}>" if cdata else f"<{name}>{escape(value)}</{name}>"
                   for name, value in present.items())
    return f"<xml>{body}</xml>"


@st.composite
def request_body(draw) -> tuple[bytes, bool]:
    """(body, as an AES envelope): a message in some encoding, mutated or not, or plain noise."""
    kind = draw(st.sampled_from(["message"] * 6 + ["mutated", "noise", "aes"]))
    if kind == "noise":
        return draw(st.binary(max_size=2_000)), False
    xml = draw(wechat_message())
    body = xml.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if kind == "mutated":
        noise = random.Random(draw(st.integers(min_value=0, max_value=2**32)))
        mutable = bytearray(body)
        for _ in range(draw(st.integers(min_value=1, max_value=8))):
            if mutable:
                mutable[noise.randrange(len(mutable))] = noise.randrange(256)
        cut = draw(st.integers(min_value=0, max_value=len(mutable)))
        body = bytes(mutable[:cut] if draw(st.booleans()) else mutable)
    if kind == "aes":
        garbage = draw(st.one_of(short_text, st.binary(max_size=200).map(lambda b: b.hex())))
        return f"<xml><ToUserName>{ACCOUNT_ID}</ToUserName><Encrypt><![CDATA[{garbage}]]></Encrypt></xml>".encode(), True
    return body, False


@settings(max_examples=examples(400), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(sent=request_body())
async def test_no_request_gets_a_5xx_or_an_unexpected_exception(sent, fuzzed_bot):
    body, as_aes = sent
    bot, wechat = fuzzed_bot
    query = wechat.wechat.signed_query(str(int(time.time())), str(random.getrandbits(30)))
    if as_aes:
        query.update(encrypt_type="aes", msg_signature="0" * 40)
    async with wechat.wechat.http.post(f"{bot.url}/wechat", params=query, data=body) as response:
        await response.read()
        assert response.status in (200, 400, 403, 413), (response.status, body[:200])
    logged = bot.log()
    assert not any(words in logged for words in UNEXPECTED), logged[-3000:]


async def test_memory_stays_bounded_under_huge_messages(start_bot, http, bot_config):
    bot = await start_bot()
    wechat = WeChatTo(http, bot, bot_config)
    huge = "陪我聊天" * 5_000  # 60,000 bytes of UTF-8: under the 64 KiB limit with its envelope; twice it is over

    async def flood(times: int) -> None:
        for n in range(times):
            answer = await wechat.wechat.post(wechat.wechat.text(f"o_flood_{n % 50}", huge if n % 2 else huge * 2))
            assert answer.status in (200, 413)

    await flood(40)  # caches, pools and arenas reach their working size
    before = bot.resident_kib()
    await flood(200)
    grown_mib = (bot.resident_kib() - before) / 1024
    assert grown_mib < 40, f"resident memory grew {grown_mib:.0f} MiB over 200 huge messages"
    assert not any(words in bot.log() for words in UNEXPECTED)
