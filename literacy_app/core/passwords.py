"""Password hashing with scrypt (memory-hard, in the standard library: no extra dependency).

Parameters follow the OWASP Password Storage Cheat Sheet's minimum for scrypt (N=2^17, r=8,
p=1 → 128 MiB per hash, about half a second on this project's 2-core test machine): staff
passwords are checked on the server, a few times a day per person.  The parameters are stored
with the hash, so older hashes still verify and ``needs_rehash`` tells the login to upgrade them.
Examinees' codes are random rather than chosen by people and use a lighter cost
(``services.codes.CODE_HASH_N``) so that a room starting together does not queue.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

_N, _R, _P = 2**17, 8, 1
_MAXMEM = 256 * 1024 * 1024


def hash_password(password: str, *, n: int = _N) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=_R, p=_P, maxmem=_MAXMEM,
                            dklen=32)
    return f"scrypt${n}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n),
                                r=int(r), p=int(p), maxmem=_MAXMEM, dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def needs_rehash(stored: str) -> bool:
    """True for a hash made with weaker parameters than today's (re-hash it at the next login)."""
    try:
        scheme, n, r, p, _salt, _digest = stored.split("$")
        return scheme != "scrypt" or int(n) < _N or int(r) < _R or int(p) < _P
    except ValueError:
        return True
