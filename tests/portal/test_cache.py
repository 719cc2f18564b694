"""The Redis cache keeps one client per server and still stores, reads and deletes."""

import pytest
from django.conf import settings
from django.core.cache import cache

pytestmark = pytest.mark.integration


@pytest.mark.skipif(not settings.REDIS_URL, reason="the zero-setup default has no Redis")
def test_one_client_serves_every_call_and_the_values_round_trip():
    cache.set("portal-test-cache", {"đơn vị": "UBND xã Như Quỳnh"}, 30)
    assert cache.get("portal-test-cache") == {"đơn vị": "UBND xã Như Quỳnh"}
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=True) is client and cache._cache.get_client() is client
    cache.delete("portal-test-cache")
    assert cache.get("portal-test-cache") is None
