#!/usr/bin/env python3
"""A mutual-TLS front for snowgate's tests, standing in for an instance's ADCv2 edge.

It listens on 127.0.0.1 (port 0: any free one, printed as the first line), requires a client
certificate signed by --ca for every connection, and forwards each HTTP request to --upstream
(the built-in simulator, plain http on loopback). Like an instance with certificate-based
authentication, it acts as the user mapped to the certificate: --map 'SUBJECT_CN=USER:PASSWORD'
makes it sign the forwarded request in as USER (the simulator knows users by password only).
A trusted certificate that is mapped to nobody is forwarded without credentials, so the
simulator answers the ordinary 401, as a misconfigured instance does. Credentials the client
sent itself are dropped: with mutual TLS the certificate alone decides.

Only the Python standard library; nothing leaves loopback.
"""

import argparse
import base64
import http.client
import http.server
import socketserver
import ssl
import sys
import urllib.parse

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
              "proxy-authorization", "proxy-authenticate"}
DROPPED_FROM_CLIENT = {"authorization", "x-sn-apikey", "host", "content-length"} | HOP_BY_HOP


def parse_arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--ca", required=True)
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--map", action="append", default=[])
    return parser.parse_args()


def common_name(certificate):
    for part in certificate.get("subject", ()):
        for key, value in part:
            if key == "commonName":
                return value
    return None


class Front(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, context, upstream, mapping):
        self.context = context
        self.upstream = upstream
        self.mapping = mapping
        super().__init__(("127.0.0.1", 0), Handler)

    def finish_request(self, request, client_address):
        # The handshake runs on the connection's own thread, so a client that never speaks
        # (or is refused) holds up no other connection.
        try:
            request.settimeout(10)
            secure = self.context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return
        self.RequestHandlerClass(secure, client_address, self)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else None
        headers = {name: value for name, value in self.headers.items()
                   if name.lower() not in DROPPED_FROM_CLIENT}
        user = self.server.mapping.get(common_name(self.connection.getpeercert() or {}))
        if user:
            headers["Authorization"] = "Basic " + base64.b64encode(user.encode()).decode()
        upstream = urllib.parse.urlsplit(self.server.upstream)
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=10)
        try:
            connection.request(self.command, self.path, body=body, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
        finally:
            connection.close()
        self.send_response(answer.status, answer.reason)
        for name, value in answer.getheaders():
            if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = forward


def main():
    arguments = parse_arguments()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(arguments.cert, arguments.key)
    context.load_verify_locations(arguments.ca)
    context.verify_mode = ssl.CERT_REQUIRED
    mapping = {}
    for entry in arguments.map:
        name, _, user = entry.partition("=")
        mapping[name] = user
    server = Front(context, arguments.upstream, mapping)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
