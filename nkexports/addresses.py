"""Reading a source's web address: its host, and whether it lies on a given domain."""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit


def split(url: str) -> SplitResult | None:
    """The parts of an address, or None when it cannot be read (the schema reports that)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError on a malformed port
    except ValueError:
        return None
    return parts if parts.hostname else None


def on_domain(host: str, domain: str) -> bool:
    """Whether `host` is `domain` or one of its subdomains (news.yahoo.com is on yahoo.com)."""
    return host == domain or host.endswith("." + domain)


def matching_domain(host: str, domains) -> str | None:
    """The entry of `domains` that `host` lies on, if any."""
    return next((d for d in domains if on_domain(host, d)), None)
