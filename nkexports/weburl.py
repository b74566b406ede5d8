"""Read a source's web address the way a browser does, or refuse it.

A link shows its host and opens its href; the two must be the same host. Browsers follow
the WHATWG URL standard, which reads a backslash as a slash, drops a user name and password
before `@`, decodes percent-escapes and non-ASCII in host names, and reads numeric hosts as
IP addresses (non-ASCII in the path is only percent-encoded, which changes no host). Rather than reimplement all of that, an address is accepted only in the plain
form on which every reading agrees, and the host shown is taken from that reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ADDRESS = re.compile(r"(https?)://([^/?#]*)([/?#].*)?", re.I | re.S)
_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
_TOP_LABEL = re.compile(r"[a-z]([a-z0-9-]{0,61}[a-z0-9])?")
# An IPv4 address in the one form browsers show unchanged: four decimal numbers, no leading zeros.
_OCTET = r"(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4 = re.compile(rf"{_OCTET}(\.{_OCTET}){{3}}")


class UnsafeAddress(ValueError):
    def __init__(self, what: str, fix: str):
        super().__init__(what)
        self.what, self.fix = what, fix


@dataclass(frozen=True)
class WebAddress:
    href: str  # the address as written, which a browser reads exactly as below
    host: str  # lowercase domain name, as the browser will contact it


COPY_FIX = "copy the address from the browser's address bar"


def parse_web_address(text: str) -> WebAddress:
    if any(char <= " " or char == "\x7f" for char in text):
        raise UnsafeAddress("contains a space or an invisible control character", "remove it; " + COPY_FIX)
    if "\\" in text:
        raise UnsafeAddress("contains a backslash, which browsers read as a slash",
                            "replace it with / or %5C; " + COPY_FIX)
    match = _ADDRESS.fullmatch(text)
    if not match:
        raise UnsafeAddress("is not a full web address", "give the full address starting with https://")
    authority = match.group(2)
    if not authority.isascii():
        raise UnsafeAddress("has characters outside ASCII in its host name, which browsers rewrite to another name",
                            "write an international host name in its xn-- form; " + COPY_FIX)
    if "@" in authority:
        raise UnsafeAddress("has a user name or password before '@', so it opens another host than it seems to",
                            "remove everything between // and @")
    host, colon, port = authority.partition(":")
    if colon and not (port.isdigit() and 0 < int(port) < 65536):
        raise UnsafeAddress("has an invalid port after the host", "remove the ':' and what follows it, up to the next /")
    host = host.lower()
    if _IPV4.fullmatch(host):
        return WebAddress(text, host)
    labels = host.removesuffix(".").split(".")  # a final dot names the same host
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels) or not _TOP_LABEL.fullmatch(labels[-1]):
        raise UnsafeAddress("does not have a plain domain name or IPv4 address as its host",
                            "use the site's domain name, e.g. https://www.un.org/...; " + COPY_FIX)
    return WebAddress(text, host)
