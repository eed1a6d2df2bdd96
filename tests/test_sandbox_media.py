"""The sandbox takes temporary media as WeChat does (multipart, `?type=`), and image messages that show them."""

import aiohttp
import pytest

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64  # the signature is what the type check reads


@pytest.fixture
async def api(aiohttp_client, sandbox):
    return await aiohttp_client(sandbox)


@pytest.fixture
async def access(api) -> dict:
    query = {"grant_type": "client_credential", "appid": "wx_test_app", "secret": "test-secret"}
    return {"access_token": (await (await api.get("/cgi-bin/token", params=query)).json())["access_token"]}


async def upload(api, access, body: bytes, media_type: str = "image") -> dict:
    form = aiohttp.FormData()
    form.add_field("media", body, filename="proof.png", content_type="image/png")
    return await (await api.post("/cgi-bin/media/upload", params={**access, "type": media_type}, data=form)).json()


async def test_an_uploaded_picture_can_be_sent_and_read_back(api, access):
    uploaded = await upload(api, access, PNG)
    assert uploaded["errcode"] == 0 and uploaded["type"] == "image" and uploaded["media_id"]
    message = {"touser": "o_1", "msgtype": "image", "image": {"media_id": uploaded["media_id"]}}
    assert (await (await api.post("/cgi-bin/message/custom/send", params=access, json=message)).json())["errcode"] == 0

    (sent,) = (await (await api.get("/sandbox/messages", params={"openid": "o_1"})).json())["messages"]
    assert (sent["msgtype"], sent["media_id"]) == ("image", uploaded["media_id"])
    shown = await api.get(f"/sandbox/media/{uploaded['media_id']}")
    assert shown.content_type == "image/png" and await shown.read() == PNG


async def test_uploads_and_image_messages_are_checked_like_wechat_checks_them(api, access):
    assert (await upload(api, access, b"not a picture"))["errcode"] == 40005
    assert (await upload(api, access, PNG, media_type="sticker"))["errcode"] == 40004
    no_file = await api.post("/cgi-bin/media/upload", params={**access, "type": "image"}, json={})
    assert (await no_file.json())["errcode"] == 41005
    unknown = {"touser": "o_1", "msgtype": "image", "image": {"media_id": "made-up"}}
    assert (await (await api.post("/cgi-bin/message/custom/send", params=access, json=unknown)).json())["errcode"] \
        == 40007
    assert (await api.get("/sandbox/media/made-up")).status == 404
