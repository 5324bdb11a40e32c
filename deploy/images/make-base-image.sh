#!/usr/bin/env bash
# Builds the OFFLINE base image the `images` Maven profile puts the services on: a Docker-archive tar
# (manifest.json + config + one layer) made from Debian bookworm packages, without a Docker daemon and
# without any container registry. Production does not use it: the release build starts FROM a pinned
# JRE image from a registry (see deploy/images/README.md).
#
#   deploy/images/make-base-image.sh            # builds .local/images/signaldesk-jre17-base.tar once
#   FORCE=1 deploy/images/make-base-image.sh    # rebuilds it (e.g. to take Debian security updates)
#
# Needs apt-get (to download .deb files from the Debian mirror the machine is configured with), dpkg-deb,
# GNU tar, sha256sum, jq and a JDK (to turn Debian's CA bundle into the JVM's trust store). Runs as any user.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT_DIR="${OUT_DIR:-$ROOT/.local/images}"
BASE_TAR="$OUT_DIR/signaldesk-jre17-base.tar"
IMAGE_NAME="signaldesk/jre17-base:bookworm"
APP_UID=185 # the uid the Kubernetes manifests run as (runAsUser); the same number as the Red Hat OpenJDK images
JAVA_HOME_IN_IMAGE=/usr/lib/jvm/java-17-openjdk-amd64

# Exactly what the JVM needs to run a headless Quarkus service: the JRE, the C and C++ runtimes libjvm
# links against, zlib (Debian's JDK uses the system zlib) and the CA certificates for outbound TLS
# (Stripe, Telegram, Kafka/Postgres over TLS). Deliberately no shell, no package manager, no fonts/X11/
# CUPS/ALSA/NSS: openjdk-17-jre-headless declares those for desktop and PKCS#11 features a service
# never loads. Versions are whatever the mirror serves today; they are written into the image (label
# and /usr/share/signaldesk/base-packages.txt) so a rebuilt base can be compared with the previous one.
PACKAGES=(libc6 libgcc-s1 libstdc++6 zlib1g openjdk-17-jre-headless ca-certificates)

if [[ -f "$BASE_TAR" && -z "${FORCE:-}" ]]; then
  echo "base image already built: $BASE_TAR (FORCE=1 to rebuild)"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/debs" "$work/rootfs" "$work/image" "$OUT_DIR"

echo "downloading: ${PACKAGES[*]}"
(cd "$work/debs" && apt-get download -q "${PACKAGES[@]}" libc-bin 2>&1 | grep -v 'unsandboxed as root' || true)
# libc-bin only for its C.UTF-8 locale (glibc needs locale files for it; without them the JVM falls back
# to US-ASCII for file names and the default charset): not its programs.
mkdir -p "$work/libc-bin" && dpkg-deb -x "$work"/debs/libc-bin_*.deb "$work/libc-bin"
libc_bin_version="$(dpkg-deb -f "$work"/debs/libc-bin_*.deb Version)"
rm "$work"/debs/libc-bin_*.deb

rootfs="$work/rootfs"
: >"$work/packages.txt"
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$rootfs"
  dpkg-deb -f "$deb" Package Version | paste -sd' ' | sed 's/Package: //; s/ Version: /=/' >>"$work/packages.txt"
done
mkdir -p "$rootfs/usr/lib/locale" && cp -a "$work/libc-bin/usr/lib/locale/C.utf8" "$rootfs/usr/lib/locale/"
echo "libc-bin=$libc_bin_version (usr/lib/locale/C.utf8 only)" >>"$work/packages.txt"
sort -o "$work/packages.txt" "$work/packages.txt"

# What dpkg's maintainer scripts would have done (we only unpack): the `java` on PATH, the JVM trust
# store (ca-certificates-java builds it from Debian's CA bundle in its postinst), users, temp dir.
mkdir -p "$rootfs/usr/bin" "$rootfs/etc/ssl/certs/java" "$rootfs/tmp" "$rootfs/deployments" \
  "$rootfs/usr/share/signaldesk"
ln -sf "$JAVA_HOME_IN_IMAGE/bin/java" "$rootfs/usr/bin/java"
cat >"$work/MakeTrustStore.java" <<'JAVA'
import java.io.*;
import java.nio.file.*;
import java.security.KeyStore;
import java.security.cert.*;

/** Writes every certificate under args[0] (Debian's /usr/share/ca-certificates) into a PKCS#12 trust store. */
public class MakeTrustStore {
    public static void main(String[] args) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (var files = Files.walk(Path.of(args[0]))) {
            for (Path crt : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".crt")).sorted()::iterator) {
                try (InputStream in = Files.newInputStream(crt)) {
                    String alias = crt.getFileName().toString().replaceAll("\\.crt$", "").toLowerCase();
                    store.setCertificateEntry(alias, factory.generateCertificate(in));
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            store.store(out, "changeit".toCharArray());
        }
        System.out.println(store.size() + " CA certificates");
    }
}
JAVA
# Unencrypted certificate bags and no MAC, like the JDK's own cacerts: the JVM opens its trust store
# without a password and would otherwise see zero certificates.
java -Dkeystore.pkcs12.certProtectionAlgorithm=NONE -Dkeystore.pkcs12.macAlgorithm=NONE \
  "$work/MakeTrustStore.java" "$rootfs/usr/share/ca-certificates" "$rootfs/etc/ssl/certs/java/cacerts"
cat >"$rootfs/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/usr/sbin/nologin
signaldesk:x:$APP_UID:0:SignalDesk service:/deployments:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
PASSWD
# gid 0 for the service user, as OpenShift-style images do: files the image makes group-readable stay
# readable when a platform assigns an arbitrary uid.
printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
chmod 1777 "$rootfs/tmp"
cp "$work/packages.txt" "$rootfs/usr/share/signaldesk/base-packages.txt"
# Size: documentation, manuals and the JDK's debug links are of no use in a container.
rm -rf "$rootfs/usr/share/doc" "$rootfs/usr/share/man" "$rootfs/usr/share/lintian" "$rootfs/usr/share/locale" \
  "$rootfs/usr/lib/debug" "$rootfs/usr/share/gdb"

# The JDK links its configuration from /etc and /usr/share; a link that points nowhere means a package
# is missing from PACKAGES. Optional desktop bits are allowed to dangle.
broken="$(cd "$rootfs" && find . -xtype l | grep -v -E 'libatk-wrapper|src.zip|/docs$|\.ja$' || true)"
if [[ -n "$broken" ]]; then
  echo "dangling links in the base image:" >&2
  (cd "$rootfs" && for l in $broken; do echo "  $l -> $(readlink "$l")" >&2; done)
  exit 1
fi

# One reproducible layer: sorted names, root ownership, a fixed mtime, so the same packages give the
# same digest (SOURCE_DATE_EPOCH can move it).
epoch="${SOURCE_DATE_EPOCH:-0}"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  -C "$rootfs" -cf "$work/image/layer.tar" $(cd "$rootfs" && ls -A)
diff_id="sha256:$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)"
# Compressed once here (gzip -n: no name or time in the header), so Jib does not gzip 200 MB again for
# every service image it builds on this base.
gzip -n -6 "$work/image/layer.tar"

jq -n --arg diff "$diff_id" --arg java "$JAVA_HOME_IN_IMAGE" --arg uid "$APP_UID" \
  --arg pkgs "$(paste -sd, "$work/packages.txt")" --arg created "$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)" '{
  architecture: "amd64", os: "linux", created: $created,
  config: {
    User: $uid,
    WorkingDir: "/deployments",
    Env: [
      "PATH=\($java)/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "JAVA_HOME=\($java)",
      "LANG=C.UTF-8"
    ],
    Labels: {
      "org.opencontainers.image.title": "signaldesk-jre17-base",
      "org.opencontainers.image.description": "Offline JRE 17 base from Debian bookworm packages (not for production)",
      "org.opencontainers.image.base.name": "debian:bookworm (packages only, no base image)",
      "io.signaldesk.base.packages": $pkgs
    }
  },
  rootfs: { type: "layers", diff_ids: [ $diff ] },
  history: [ { created: $created, created_by: "deploy/images/make-base-image.sh" } ]
}' >"$work/image/config.json"
config_name="$(sha256sum "$work/image/config.json" | cut -d' ' -f1).json"
mv "$work/image/config.json" "$work/image/$config_name"
jq -n --arg cfg "$config_name" --arg tag "$IMAGE_NAME" \
  '[{Config: $cfg, RepoTags: [$tag], Layers: ["layer.tar.gz"]}]' >"$work/image/manifest.json"

tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$work/image" -cf "$BASE_TAR.tmp" manifest.json "$config_name" layer.tar.gz
mv "$BASE_TAR.tmp" "$BASE_TAR"
echo "built $BASE_TAR ($(du -h "$BASE_TAR" | cut -f1)), layer $diff_id"
cat "$work/packages.txt"
