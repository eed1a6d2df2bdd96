"""A request's free text and map point in and out of their ciphertext columns.

Each value is bound to its row and column ("service_requests:7:place"), so a
ciphertext copied elsewhere fails to open.
"""

from __future__ import annotations

from storage.members.tables import HomePointRow
from storage.privacy import KeyRing, decrypt, encrypt
from storage.tasks.tables import RatingRow, ServiceRequestRow
from storage.tasks.values import Point


def _where(table: str, row_id: int, column: str) -> str:
    return f"{table}:{row_id}:{column}"


def point_text(point: Point) -> str:
    return f"{point.latitude:.6f},{point.longitude:.6f}"


def parse_point(text: str) -> Point:
    latitude, longitude = text.split(",")
    return Point(float(latitude), float(longitude))


def seal_request(keyring: KeyRing, row: ServiceRequestRow, place: str | None, point: Point | None,
                 notes: str | None) -> None:
    """After the row has its id, which every ciphertext is bound to."""
    for column, value in (("place", place), ("place_point", point and point_text(point)), ("notes", notes)):
        sealed = None if value is None else encrypt(keyring, value, _where("service_requests", row.id, column))
        setattr(row, f"{column}_enc", sealed)


def open_request(keyring: KeyRing, row: ServiceRequestRow, column: str) -> str | None:
    stored = getattr(row, f"{column}_enc")
    return None if stored is None else decrypt(keyring, stored, _where("service_requests", row.id, column))


def request_point(keyring: KeyRing, row: ServiceRequestRow) -> Point | None:
    text = open_request(keyring, row, "place_point")
    return None if text is None else parse_point(text)


def home_point(keyring: KeyRing, row: HomePointRow | None) -> Point | None:
    if row is None:
        return None
    return parse_point(decrypt(keyring, row.point_enc, _where("member_home_points", row.member_id, "point")))


def seal_comment(keyring: KeyRing, row: RatingRow, comment: str | None) -> None:
    row.comment_enc = None if comment is None else encrypt(keyring, comment, _where("task_ratings", row.id, "comment"))


def open_comment(keyring: KeyRing, row: RatingRow) -> str | None:
    return None if row.comment_enc is None else decrypt(keyring, row.comment_enc,
                                                        _where("task_ratings", row.id, "comment"))
