# Sourced by the bench scripts from the project root: builds the product classes if they are
# missing, and compiles the given bench sources into CLASSES (default target/bench-classes).
# Afterwards $cp is the product's classpath and $classes where the bench classes are.
#   cd "$(dirname "$0")/.." && . bench/compile.sh bench/x/XBench.java ...
[ -d target/classes/io/huiwen ] || ./mvnw -B -q -DskipTests package
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/classes:$(cat target/bench.classpath)"
classes=${CLASSES:-target/bench-classes}
mkdir -p "$classes"
javac -encoding UTF-8 -cp "$cp" -d "$classes" "$@"
