"""The portal's Redis cache: Django's, keeping one redis-py client per server.

Django's RedisCacheClient builds a new `redis.Redis` for every cache call, and each one fills its table
of about 170 response callbacks first: more work than the call itself, several times a request (the
session, the navigation, the kept fragments). A client of redis-py is safe to share; it takes its
connections from the same pool either way.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _OneClientPerServer(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _OneClientPerServer
