"""``/zones`` without a date: a 400 naming the field and the days the data covers (not today's empty set)."""

from __future__ import annotations


def test_zones_without_a_date_names_the_covered_days(client):
    r = client.get("/zones")
    assert r.status_code == 400
    body = r.json()
    assert body["field"] == "date"
    assert "required" in body["detail"] and "2017-" in body["detail"] and "/zones?date=" in body["detail"]
    assert client.get("/zones", params={"date": "2018-02-07"}).json()["features"]
