#!/usr/bin/env bash
# Makes the test certificates for the loopback SMTP server: a CA and a leaf
# for localhost/127.0.0.1 signed by it (rustls rejects a self-signed leaf).
# They are committed, valid for 100 years, and trusted only by the tests
# (through DANGOL_SMTP_CA). Re-run to replace them.
set -euo pipefail
cd "$(dirname "$0")/certs"
openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj "/CN=Dangol Test CA" \
  -keyout ca.key -out ca.pem -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' > ext.cnf
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 36500 \
  -extfile ext.cnf -out server.pem 2>/dev/null
rm -f server.csr ext.cnf ca.srl ca.key
