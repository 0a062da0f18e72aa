#!/usr/bin/env bash
# Builds Reprodiff's self-contained app image and the native installers of the OS it runs on.
#
#   packaging/build.sh              shaded jar (mvn package), runtime image, app image, then the installers
#   packaging/build.sh image        the same without the installers
#   packaging/build.sh image --no-maven   reuse BUILD_DIR/reprodiff.jar (e.g. after `mvn verify`)
#
# Needs JDK 17+ (jdeps, jlink, jpackage) and Maven; the installers also need their OS's packaging tools:
# dpkg-deb and fakeroot for .deb, rpmbuild for .rpm, WiX Toolset 3 for .msi, Xcode's command-line tools for
# .dmg/.pkg. Environment: BUILD_DIR (default target; passed to Maven as -DbuildDir), TYPES (installer types,
# e.g. "deb"; default every type the OS's tools can make), JAVA_HOME (else the JDK on the PATH).
# Output under BUILD_DIR/jpackage/: runtime/ (jlink), image/ (the app image), installers/.
set -euo pipefail

stage=installers
build_jar=yes
for arg in "$@"; do
  case "$arg" in
    image | installers) stage=$arg ;;
    --no-maven) build_jar=no ;;
    *) echo "usage: packaging/build.sh [image|installers] [--no-maven]" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-target}"
case "$build_dir" in /* | [A-Za-z]:*) ;; *) build_dir="$PWD/$build_dir" ;; esac
jdk_bin="${JAVA_HOME:+$JAVA_HOME/bin/}"
jar="$build_dir/reprodiff.jar"
out="$build_dir/jpackage"

case "$(uname -s)" in
  Linux*) os=linux; image_name=Reprodiff ;;
  Darwin*) os=macos; image_name=Reprodiff.app ;;
  MINGW* | MSYS* | CYGWIN*) os=windows; image_name=Reprodiff ;;
  *) echo "build.sh: unsupported OS $(uname -s)" >&2; exit 2 ;;
esac

if [ "$build_jar" = yes ]; then
  echo "build.sh: building $jar"
  mvn -B -q -Dmaven.test.skip=true -DbuildDir="$build_dir" package
fi
[ -f "$jar" ] || { echo "build.sh: $jar not found (run without --no-maven)" >&2; exit 2; }

rm -rf "$out"
mkdir -p "$out/input" "$out/image" "$out/installers"

# The version is the pom's, as the shade plugin wrote it into the manifest.
(cd "$out" && "${jdk_bin}jar" xf "$jar" META-INF/MANIFEST.MF)
version="$(sed -n 's/^Implementation-Version: *//p' "$out/META-INF/MANIFEST.MF" | tr -d '\r' | head -n 1)"
rm -rf "$out/META-INF"
[ -n "$version" ] || { echo "build.sh: no Implementation-Version in $jar" >&2; exit 2; }
app_version="${version%%-*}"
if [ "$os" = macos ] && [ "${app_version%%.*}" = 0 ]; then
  # macOS bundle versions must start with a number above zero; jpackage refuses 0.x. Until 1.0 the bundle
  # says 1.<minor>.<patch>; the app itself (About, --version) reads the real version from the jar.
  app_version="1.${app_version#0.}"
fi

# The app folder of the image: the shaded jar and the demo project the desktop launcher opens by default.
cp "$jar" "$out/input/reprodiff.jar"
cp -R sample-runs "$out/input/sample-runs"

# Runtime: exactly the JDK modules the shaded jar refers to (JavaFX itself is in the jar, on the class path).
modules="$("${jdk_bin}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar" | tr -d '\r')"
echo "build.sh: runtime modules $modules"
"${jdk_bin}jlink" --add-modules "$modules" --strip-debug --strip-native-commands --no-header-files \
  --no-man-pages --compress=2 --output "$out/runtime"

echo "build.sh: app image $version ($os)"
"${jdk_bin}jpackage" --type app-image @packaging/metadata.args @packaging/app-image.args \
  "@packaging/$os-image.args" --input "$out/input" --runtime-image "$out/runtime" --app-version "$app_version" \
  --dest "$out/image"
echo "build.sh: wrote $out/image/$image_name"

[ "$stage" = installers ] || exit 0

if [ -z "${TYPES:-}" ]; then
  case "$os" in
    linux)
      if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then TYPES="deb"; fi
      if command -v rpmbuild >/dev/null; then TYPES="${TYPES:-} rpm"; fi
      ;;
    windows) TYPES=msi ;;
    macos) TYPES="dmg pkg" ;;
  esac
fi
[ -n "${TYPES:-}" ] || { echo "build.sh: no installer tools found (dpkg-deb and fakeroot, or rpmbuild)" >&2; exit 2; }

# Each installer is built from the same input and runtime as the image rather than from the image itself:
# with --app-image, jpackage would forget the launchers' properties (and give the CLI launcher a menu entry).
for type in $TYPES; do
  echo "build.sh: $type installer"
  "${jdk_bin}jpackage" --type "$type" @packaging/metadata.args @packaging/app-image.args \
    "@packaging/$os-image.args" "@packaging/$os.args" --input "$out/input" --runtime-image "$out/runtime" \
    --app-version "$app_version" --dest "$out/installers"
done
ls -l "$out/installers"
