"""Proves that ServiceNow's own Python client, pysnc, works against `snowgate simulate`.

Usage: check_pysnc.py BASE_URL   (e.g. http://127.0.0.1:41234)

pysnc is a client no one on this project wrote, so it checks the simulator against the real
protocol: Basic auth, the OAuth password grant (client credentials in a Basic header, as
requests-oauthlib sends them) and GlideRecord reads of sys_user.
"""
import os
import sys

# The simulator speaks plain http on 127.0.0.1. oauthlib refuses http:// token URLs unless told
# that transport security is not needed; this is the documented switch for local testing.
os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"

import pysnc  # noqa: E402
import pysnc.client  # noqa: E402
import pysnc.utils  # noqa: E402

# pysnc refuses every http:// instance URL in one check, pysnc.utils.get_instance. We replace that
# one check (and nothing else) so pysnc can talk to the loopback simulator without TLS.
_original_get_instance = pysnc.utils.get_instance


def _allow_loopback_http(instance):
    if instance.startswith("http://127.0.0.1:"):
        return instance.rstrip("/")
    return _original_get_instance(instance)


pysnc.client.get_instance = _allow_loopback_http


def read_users(client, label):
    gr = client.GlideRecord("sys_user")
    gr.add_query("active", "true")
    gr.query()
    names = []
    while gr.next():
        names.append(gr.get_value("user_name"))
    assert len(gr) == 3, f"{label}: expected 3 users, X-Total-Count gave {len(gr)}"
    assert "admin" in names, f"{label}: admin missing from {names}"
    assert "abel.tuter" in names, f"{label}: abel.tuter missing from {names}"

    one = client.GlideRecord("sys_user")
    assert one.get("user_name", "admin"), f"{label}: GlideRecord.get(user_name, admin) found nothing"
    assert one.get_value("first_name") == "System", f"{label}: first_name is {one.get_value('first_name')!r}"
    assert one.get_value("email") == "admin@example.com", f"{label}: email is {one.get_value('email')!r}"
    sys_id = one.get_value("sys_id")
    assert len(sys_id) == 32, f"{label}: sys_id {sys_id!r} is not 32 characters"

    by_id = client.GlideRecord("sys_user")
    assert by_id.get(sys_id), f"{label}: GlideRecord.get(sys_id) found nothing"
    assert by_id.get_value("user_name") == "admin", f"{label}: get by sys_id gave {by_id.get_value('user_name')!r}"
    print(f"ok: {label}: read {len(names)} sys_user rows ({', '.join(sorted(names))})")


def main():
    base = sys.argv[1]
    read_users(pysnc.ServiceNowClient(base, ("admin", "admin")), "basic auth")

    flow = pysnc.ServiceNowPasswordGrantFlow("admin", "admin", "snowgate-demo", "demo-secret")
    client = pysnc.ServiceNowClient(base, flow)
    token = client.session.token
    assert token["token_type"] == "Bearer", f"token_type is {token['token_type']!r}"
    assert token["expires_in"] == 1799, f"expires_in is {token['expires_in']!r}"
    assert token.get("refresh_token"), "no refresh_token in the password grant answer"
    read_users(client, "oauth password grant")

    wrong = pysnc.ServiceNowPasswordGrantFlow("admin", "wrong-password", "snowgate-demo", "demo-secret")
    try:
        pysnc.ServiceNowClient(base, wrong)
    except Exception as error:  # oauthlib raises its own error types for the 401 answer
        print(f"ok: a wrong password is refused ({type(error).__name__})")
    else:
        raise AssertionError("a wrong password was accepted")

    bad = pysnc.ServiceNowClient(base, ("admin", "wrong-password"))
    try:
        bad.GlideRecord("sys_user").query()
    except pysnc.exceptions.AuthenticationException:
        print("ok: Basic auth with a wrong password gets AuthenticationException")
    else:
        raise AssertionError("Basic auth with a wrong password was accepted")


if __name__ == "__main__":
    main()
    print("pysnc check passed")
