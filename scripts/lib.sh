# Shared by the loopback scripts (source it): free ports and the demo
# portal's sites file.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# demo_sites PORT FILE writes the sites file of the demo portal served on
# 127.0.0.1:PORT (vanban demo --portal) to FILE.
demo_sites() {
	cat >"$2" <<TOML
[[site]]
name = "demo"
start = ["http://127.0.0.1:$1/", "http://127.0.0.1:$1/lists/tintucsukien/tongquat.aspx"]
allow = ['^http://127\.0\.0\.1:$1/']
article = ['/tin-tuc/[a-z0-9-]+/\d{4}/\d{2}/\d+-[a-z0-9-]+\.html$']
delay = "40ms"
TOML
}
