"""The protocol envelope against WeChat's published crypto sample, and the key-rotation rule."""

import pytest
from wechatpy.crypto import WeChatCrypto

from bot.config import WeChatConfig
from bot.envelope import Envelope, Rejected
from bot.simulator import _signature

# The sample used by WeChat's documentation and wechatpy's own test suite.
SAMPLE_TOKEN = "123456"
SAMPLE_KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"
SAMPLE_APP_ID = "wx49f0ab532d5d035a"
SAMPLE_TIMESTAMP = "1411525903"
SAMPLE_NONCE = "461056294"
SAMPLE_MSG_SIGNATURE = "74d92dfeb87ba7c714f89d98870ae5eb62dff26d"
SAMPLE_BODY = """<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName>
<Encrypt><![CDATA[RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=]]></Encrypt>
<AgentID><![CDATA[1]]></AgentID>
</xml>""".encode()
SAMPLE_NOW = float(SAMPLE_TIMESTAMP) + 2

OTHER_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"


def wechat(key: str = SAMPLE_KEY, previous: str = "", mode: str = "") -> WeChatConfig:
    return WeChatConfig(app_id=SAMPLE_APP_ID, app_secret="s", token=SAMPLE_TOKEN, encoding_aes_key=key,
                        previous_encoding_aes_key=previous, api_base_url="http://sandbox", api_timeout=1.0,
                        message_mode=mode)


def sample_query(**changes) -> dict:
    query = {"signature": _signature(SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE), "timestamp": SAMPLE_TIMESTAMP,
             "nonce": SAMPLE_NONCE, "encrypt_type": "aes", "msg_signature": SAMPLE_MSG_SIGNATURE}
    return {**query, **changes}


def test_the_published_sample_decrypts_to_its_known_message():
    opened = Envelope(wechat()).open(sample_query(), SAMPLE_BODY, now=SAMPLE_NOW)
    assert "<Content><![CDATA[test]]></Content>" in opened.xml
    assert "<FromUserName><![CDATA[messense]]></FromUserName>" in opened.xml


def test_a_tampered_msg_signature_is_refused_with_403():
    with pytest.raises(Rejected) as refused:
        Envelope(wechat()).open(sample_query(msg_signature="0" * 40), SAMPLE_BODY, now=SAMPLE_NOW)
    assert refused.value.status == 403


def test_the_sample_is_stale_five_minutes_later():
    with pytest.raises(Rejected) as refused:
        Envelope(wechat()).open(sample_query(), SAMPLE_BODY, now=SAMPLE_NOW + 301)
    assert (refused.value.status, refused.value.reason) == (403, "stale timestamp")


def test_during_key_rotation_the_previous_key_still_opens_messages_and_seals_the_reply():
    envelope = Envelope(wechat(key=OTHER_KEY, previous=SAMPLE_KEY))
    opened = envelope.open(sample_query(), SAMPLE_BODY, now=SAMPLE_NOW)
    assert "messense" in opened.xml
    sealed = envelope.seal(opened, "<xml><Content>ok</Content></xml>", "1", SAMPLE_TIMESTAMP)
    old_key_crypto = WeChatCrypto(SAMPLE_TOKEN, SAMPLE_KEY, SAMPLE_APP_ID)
    signature = sealed.split("<MsgSignature><![CDATA[")[1].split("]]>")[0]
    assert "ok" in old_key_crypto.decrypt_message(sealed, signature, SAMPLE_TIMESTAMP, "1")


def test_a_message_no_configured_key_can_open_is_a_bad_request():
    with pytest.raises(Rejected) as refused:
        Envelope(wechat(key=OTHER_KEY)).open(sample_query(), SAMPLE_BODY, now=SAMPLE_NOW)
    assert refused.value.status == 400


def test_the_handshake_echoes_only_when_signed():
    envelope = Envelope(wechat())
    query = {"signature": _signature(SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE), "timestamp": SAMPLE_TIMESTAMP,
             "nonce": SAMPLE_NONCE, "echostr": "5837397520665436492"}
    assert envelope.handshake(query, now=SAMPLE_NOW) == "5837397520665436492"
    with pytest.raises(Rejected):
        envelope.handshake({**query, "nonce": "1"}, now=SAMPLE_NOW)


PLAIN_BODY = b"<xml><ToUserName>gh_1</ToUserName><FromUserName>o_1</FromUserName><CreateTime>1</CreateTime>" \
             b"<MsgType>text</MsgType><Content>plain</Content><MsgId>1</MsgId></xml>"


def test_a_key_alone_means_safe_mode_and_safe_mode_refuses_a_plaintext_request():
    plain_query = {key: value for key, value in sample_query().items() if key not in ("encrypt_type", "msg_signature")}
    assert Envelope(wechat()).mode == "safe"
    for downgrade in (plain_query, {**plain_query, "encrypt_type": "raw"}, sample_query(msg_signature="")):
        with pytest.raises(Rejected) as refused:
            Envelope(wechat()).open(downgrade, PLAIN_BODY, now=SAMPLE_NOW)
        assert refused.value.status == 403


def test_compatible_mode_reads_the_encrypted_part_when_there_is_one_and_plaintext_otherwise():
    envelope = Envelope(wechat(mode="compatible"))
    assert "messense" in envelope.open(sample_query(), SAMPLE_BODY, now=SAMPLE_NOW).xml
    plain_query = {key: value for key, value in sample_query().items() if key not in ("encrypt_type", "msg_signature")}
    opened = envelope.open(plain_query, PLAIN_BODY, now=SAMPLE_NOW)
    assert opened.crypto is None and "plain" in opened.xml  # and the reply goes back in plaintext


def test_plaintext_mode_refuses_an_encrypted_request():
    with pytest.raises(Rejected) as refused:
        Envelope(wechat(key="", mode="")).open(sample_query(), SAMPLE_BODY, now=SAMPLE_NOW)
    assert refused.value.status == 400
