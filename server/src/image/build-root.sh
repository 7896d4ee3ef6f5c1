#!/usr/bin/env bash
# build-root.sh JAVA_HOME JVM_OPTIONS OUT
#
# The container image's file system besides the application, for Jib to lay on an empty ("scratch") base: no
# registry is needed for a base image, and the image holds only what the server uses.
#   /opt/java                 a Java runtime linked by jlink from the build's JDK, with the modules the server
#                             uses (jdeps, plus TLS's elliptic curves for https webhooks and the zip file system)
#   /lib, /lib64              the shared libraries that runtime links against (ldd), copied from this machine
#   /etc                      passwd/group with the unprivileged user the server runs as (65532), nsswitch.conf
#   /etc/scaling/jvm.options  the same JVM defaults ./run uses (memory under 400 MiB under load)
#   /var/lib/scaling          the working directory: the embedded H2 database lives in ./data below it
#   /tmp
# The runtime carries the JDK's own class-data archive (start-up) and is kept between builds while the JDK and
# the module list stay the same (jlink takes ~20 s).
set -euo pipefail
java_home=$1 jvm_options=$2 out=$3
modules=java.base,java.compiler,java.desktop,java.instrument,java.naming,java.net.http,java.rmi,java.scripting
modules+=,java.security.jgss,java.security.sasl,java.sql,jdk.jfr,jdk.management,jdk.net,jdk.unsupported
modules+=,jdk.crypto.ec,jdk.zipfs

runtime=$(dirname "$out")/image-runtime
options=(--strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive)
stamp="$java_home $modules ${options[*]}"
if [ ! -f "$runtime/.stamp" ] || [ "$(cat "$runtime/.stamp")" != "$stamp" ]; then
  rm -rf "$runtime"
  "$java_home/bin/jlink" --add-modules "$modules" "${options[@]}" --output "$runtime" >/dev/null
  echo "$stamp" > "$runtime/.stamp"
fi

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc/scaling" "$out/var/lib/scaling" "$out/tmp"
cp -a "$runtime" "$out/opt/java"
rm "$out/opt/java/.stamp"
cp "$jvm_options" "$out/etc/scaling/jvm.options"

# The libraries of the launcher, the JVM and the runtime's own libraries, except those of AWT and sound
# (java.desktop is linked for java.beans; a headless server never loads its native parts).
mapfile -t objects < <(find "$out/opt/java" -type f \( -path '*/bin/*' -o -name '*.so' \) \
  ! -name 'libawt*' ! -name 'libfontmanager.so' ! -name 'libjsound.so' ! -name 'liblcms.so' \
  ! -name 'libmlib_image.so' ! -name 'libsplashscreen.so' ! -name 'libjavajpeg.so' ! -name 'libjawt.so')
libraries=$(for object in "${objects[@]}"; do
  LD_LIBRARY_PATH="$out/opt/java/lib:$out/opt/java/lib/server" ldd "$object" || true
done | awk '$2 == "=>" && $3 ~ /^\// && $3 !~ /\/opt\/java\// { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' | sort -u)
if [ -z "$libraries" ]; then
  echo "build-root.sh: ldd found no shared libraries; the image needs a glibc-based Linux to build" >&2
  exit 1
fi
for library in $libraries; do
  mkdir -p "$out$(dirname "$library")"
  cp -L "$library" "$out$library"
done

cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
scaling:x:65532:65532:scaling:/var/lib/scaling:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<'GROUP'
root:x:0:
scaling:x:65532:
GROUP
echo 'hosts: files dns' > "$out/etc/nsswitch.conf"
