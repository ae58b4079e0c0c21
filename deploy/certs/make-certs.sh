#!/usr/bin/env bash
# Creates the certificates for mutual TLS inside the Orleans cluster (Orleans:Tls): a cluster CA
# and, signed by it, one certificate per silo (server and client authentication: silos accept and
# dial connections) and one for the API (client authentication only: it only dials gateways).
# All keys are EC P-256. Rotation: deploy/certs/README.md.
#
#   deploy/certs/make-certs.sh <folder> [silo names…]     (default silos: silo1 silo2)
#
# Writes into <folder>: ca.pem + ca.key (the CA; keep ca.key off the servers), <name>.pem +
# <name>.key for every silo and for `api`. When <folder> already holds ca.pem and ca.key, that CA
# is reused, so running the script again re-issues the leaf certificates under the same CA.
# Validity: CA_DAYS (default 1825) and CERT_DAYS (default 365) days.
set -euo pipefail

if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

out=$1
shift
silos=("$@")
if [[ ${#silos[@]} -eq 0 ]]; then
  silos=(silo1 silo2)
fi

ca_days=${CA_DAYS:-1825}
cert_days=${CERT_DAYS:-365}
mkdir -p "$out"
umask 077 # keys are readable by their owner only; certificates are made world-readable below

new_key() {
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"
}

if [[ -f $out/ca.pem && -f $out/ca.key ]]; then
  echo "Reusing the CA in $out ($(openssl x509 -in "$out/ca.pem" -noout -subject))"
elif [[ -e $out/ca.pem || -e $out/ca.key ]]; then
  echo "$out has only one of ca.pem and ca.key; refusing to guess" >&2
  exit 1
else
  new_key "$out/ca.key"
  # A dated name tells an old CA from its successor in a trust bundle.
  openssl req -x509 -new -key "$out/ca.key" -sha256 -days "$ca_days" \
    -subj "/O=GenomDE/CN=GenomDE cluster CA $(date -u +%Y-%m-%d)" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" \
    -out "$out/ca.pem"
  chmod 644 "$out/ca.pem"
  echo "Created the cluster CA in $out"
fi

# issue <name> <extended key usage>
issue() {
  local name=$1 usage=$2 extensions log
  extensions=$(mktemp)
  log=$(mktemp)
  # The peer is checked by chain to the cluster CA, not by name (silos dial the IP addresses of
  # the membership table); the names are there for tools and for people reading the certificate.
  cat >"$extensions" <<EOF
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = $usage
subjectAltName = DNS:$name, DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
  new_key "$out/$name.key"
  # OpenSSL chats on stderr when all is well; show it only when signing failed.
  if ! { openssl req -new -key "$out/$name.key" -subj "/O=GenomDE/CN=$name" |
    openssl x509 -req -CA "$out/ca.pem" -CAkey "$out/ca.key" -sha256 -days "$cert_days" \
      -set_serial "0x$(openssl rand -hex 16)" -extfile "$extensions" -out "$out/$name.pem"; } 2>"$log"; then
    cat "$log" >&2
    rm -f "$extensions" "$log"
    exit 1
  fi
  rm -f "$extensions" "$log"
  chmod 644 "$out/$name.pem"
  openssl verify -CAfile "$out/ca.pem" "$out/$name.pem" >/dev/null
  echo "Issued $name ($usage), valid until $(openssl x509 -in "$out/$name.pem" -noout -enddate | cut -d= -f2)"
}

for silo in "${silos[@]}"; do
  issue "$silo" "serverAuth, clientAuth"
done
issue api clientAuth
