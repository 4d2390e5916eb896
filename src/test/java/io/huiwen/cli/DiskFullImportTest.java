package io.huiwen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.huiwen.HuiwenApplication;
import io.huiwen.TestDataDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code import} into a data directory on a small tmpfs that fills up: one line says the import
 * stopped for want of space (status 75), the database holds no half-written article, and the same
 * import run again with room finishes the job. Needs root to mount; where that is not allowed the
 * test fails, unless HUIWEN_SKIP_MOUNT_TESTS=1 says to skip it (CI runs as root: a silent skip there
 * would hide a broken drill).
 */
class DiskFullImportTest {

    static final int PAGES = 150;
    static Path work, mount, data, pages;

    record Run(int status, String out, String err) {}

    /** What an import prints on stdout: one line per file, how many were indexed, the summary. */
    static final Pattern PROGRESS = Pattern.compile("\\[\\d+/\\d+\\] (imported  |duplicate ).*|indexed \\d+|imported \\d+, duplicates \\d+, failed 0");

    @BeforeAll
    static void smallDisk() throws Exception {
        assumeFalse("1".equals(System.getenv("HUIWEN_SKIP_MOUNT_TESTS")), "HUIWEN_SKIP_MOUNT_TESTS=1");
        work = TestDataDir.create("disk-full");
        mount = Files.createDirectory(work.resolve("mnt"));
        String problem = sh("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString());
        if (problem != null) {
            fail("cannot mount a tmpfs for the disk-full test (" + problem + "); run as root, or set HUIWEN_SKIP_MOUNT_TESTS=1 to skip it");
        }
        data = mount.resolve("data");
        pages = Files.createDirectory(work.resolve("pages"));
        Random random = new Random(7);
        for (int i = 1; i <= PAGES; i++) {
            Files.writeString(pages.resolve(String.format("page-%04d.html", i)), page(i, random));
        }
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mount != null) {
            sh("umount", mount.toString());
        }
    }

    @Test
    void aFullDiskStopsTheImportInOneLineAndTheSameImportFinishesItLater() throws Exception {
        Run first = run("import", "--category=shehui", "--huiwen.data-dir=" + data, pages.toString());
        assertThat(first.status()).as(first.out() + first.err()).isEqualTo(ImportCommand.STOPPED);
        // everything the process printed: progress on stdout, and on stderr the one line that says why
        // (after the file it could not store), never a log line or a stack trace
        assertThat(first.out().lines()).allMatch(line -> PROGRESS.matcher(line).matches(), "progress lines only");
        assertThat(first.out().lines().filter(line -> line.startsWith("imported "))).as("the summary").hasSize(1);
        String[] errLines = first.err().strip().split("\n");
        assertThat(errLines).as(first.err()).hasSize(2);
        assertThat(errLines[0]).matches("\\[\\d+/" + PAGES + "\\] not stored " + Pattern.quote(pages.toString()) + "/page-\\d{4}\\.html");
        assertThat(errLines[1]).isEqualTo("import stopped: no space left on device in " + data + "; make room and run the same import again: "
                + "what is stored is skipped as a duplicate, the rest is imported");
        int claimed = number(first.out(), "imported (\\d+),");
        assertThat(claimed).isBetween(1, PAGES - 1);

        assertThat(sh("mount", "-o", "remount,size=256m", "tmpfs", mount.toString())).isNull();
        State afterFull = state();
        assertThat(afterFull.untagged()).as("articles without their tags").isZero();
        assertThat(afterFull.orphanOutbox()).as("outbox rows without their article").isZero();
        assertThat(afterFull.outbox()).as("a change logged for every stored article").isEqualTo(afterFull.articles());
        assertThat(afterFull.articles()).isBetween(1L, (long) claimed);

        Run second = run("import", "--category=shehui", "--huiwen.data-dir=" + data, pages.toString());
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.err()).as("stderr of the finishing import").isEmpty();
        assertThat(second.out().lines()).allMatch(line -> PROGRESS.matcher(line).matches(), "progress lines only");
        assertThat(number(second.out(), "duplicates (\\d+)")).isEqualTo(afterFull.articles());
        assertThat(number(second.out(), "imported (\\d+),") + number(second.out(), "duplicates (\\d+)")).isEqualTo(PAGES);
        State done = state();
        assertThat(done).isEqualTo(new State(PAGES, 0, PAGES, 0));
        try (var dir = FSDirectory.open(data.resolve("index")); var reader = DirectoryReader.open(dir)) {
            assertThat(reader.numDocs()).as("articles in the search index").isEqualTo(PAGES);
        }
    }

    /** {@code outbox}: rows in the change log, one per stored article here (nothing is pruned by a command). */
    record State(long articles, long untagged, long outbox, long orphanOutbox) {}

    static State state() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("db/huiwen") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet r = c.createStatement().executeQuery("""
                     SELECT (SELECT COUNT(*) FROM article),
                            (SELECT COUNT(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id)),
                            (SELECT COUNT(*) FROM index_outbox),
                            (SELECT COUNT(*) FROM index_outbox o WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.id = o.article_id))""")) {
            r.next();
            return new State(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
        }
    }

    /**
     * Runs the jar's main class in a JVM of its own, as a user runs the command, and keeps all it
     * printed: the command's lines, and whatever else reached stdout or stderr (a logger, H2, a
     * thread that died with a stack trace), which a call of {@link Launcher#run} in this JVM would miss.
     */
    static Run run(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), HuiwenApplication.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out-", ".txt"), err = Files.createTempFile(work, "err-", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the import did not end within 5 minutes; it printed\n" + Files.readString(out) + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static int number(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as(pattern + " in\n" + text).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Runs a command; null when it worked, else what it said. */
    static String sh(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 ? null : "exit " + p.exitValue() + ": " + said;
    }

    private static final String[] PLACES = {"青溪", "望海", "西坪", "东岭", "南湖", "北川", "临江", "白沙"};
    private static final String[] THINGS = {"观鸟节", "稻田收割", "夜市开放", "地铁试运行", "图书馆新馆", "老街修缮", "社区食堂", "公交新线"};

    /** A distinct news page of about 12 KB: the disk fills after a few dozen. */
    static String page(int i, Random random) {
        String place = PLACES[random.nextInt(PLACES.length)], thing = THINGS[random.nextInt(THINGS.length)];
        String title = place + thing + "第" + i + "期：进展顺利";
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 24; p++) {
            body.append("<p>");
            for (int s = 0; s < 4; s++) {
                body.append(place).append(thing).append("项目自启动以来已累计投入").append(random.nextInt(99_999))
                        .append("万元，不少居民表示，这让").append(place).append("的生活更加方便，第").append(random.nextInt(999)).append("批志愿者已经到位。");
            }
            body.append("</p>\n");
        }
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><article><h1>" + title
                + "</h1>\n" + body + "</article></body></html>\n";
    }
}
