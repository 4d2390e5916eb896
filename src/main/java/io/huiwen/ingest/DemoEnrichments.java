package io.huiwen.ingest;

import io.huiwen.extract.ExtractedArticle;
import io.huiwen.text.Enrichment;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo articles' enrichment (HanLP segmentation and name recognition, keywords, fingerprint),
 * worked out by the build rather than at every cold start of a fresh portal: {@link #main} runs in
 * the build's {@code process-classes} phase with the classes just compiled, so what it writes is what
 * this build's {@link Enrichment#of} gives. Each entry is keyed by a digest of the title and text
 * it was made from; an article whose title or text differs from the shipped one (or a classpath
 * without the file, as in an IDE that skips the build step) is enriched at start as before.
 */
public final class DemoEnrichments {

    static final String RESOURCE = "demo/enrichments.bin";
    private static final int FORMAT = 1;

    private final Map<String, Enrichment> byKey;

    private DemoEnrichments(Map<String, Enrichment> byKey) {
        this.byKey = byKey;
    }

    /** Those the build shipped, or none when the file is missing. */
    static DemoEnrichments shipped() {
        try (InputStream in = DemoEnrichments.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return new DemoEnrichments(in == null ? Map.of() : read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The shipped enrichment of this title and text, or, if none was shipped for exactly them, a fresh one. */
    Enrichment of(String title, String text) {
        Enrichment shipped = byKey.get(key(title, text));
        return shipped != null ? shipped : Enrichment.of(title, text);
    }

    int size() {
        return byKey.size();
    }

    /** Writes {@code <classes-dir>/demo/enrichments.bin} from the demo articles on the classpath. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DemoEnrichments <classes directory>");
        }
        Path file = Path.of(args[0]).resolve(RESOURCE);
        Files.createDirectories(file.getParent());
        List<ExtractedArticle> pages = DemoContent.read();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            write(pages, out);
        }
        System.out.println("DemoEnrichments: " + pages.size() + " demo articles enriched into " + file);
    }

    static void write(List<ExtractedArticle> pages, DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(pages.size());
        for (ExtractedArticle page : pages) {
            Enrichment e = Enrichment.of(page.title(), page.text());
            out.writeUTF(key(page.title(), page.text()));
            writeStrings(out, e.keywords());
            out.writeBoolean(e.excerpt() != null);
            if (e.excerpt() != null) {
                out.writeUTF(e.excerpt());
            }
            out.writeLong(e.simhash());
            writeStrings(out, List.copyOf(e.storyWords()));
        }
    }

    static Map<String, Enrichment> read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw.readAllBytes()));
        if (in.readInt() != FORMAT) {
            return Map.of(); // written by another version of this class: enriched at start instead
        }
        int n = in.readInt();
        Map<String, Enrichment> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String key = in.readUTF();
            List<String> keywords = readStrings(in);
            String excerpt = in.readBoolean() ? in.readUTF() : null;
            long simhash = in.readLong();
            Set<String> storyWords = new LinkedHashSet<>(readStrings(in));
            out.put(key, new Enrichment(keywords, excerpt, simhash, storyWords));
        }
        return out;
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    /** SHA-256 of the title and text, as hex: what an entry was made from. */
    static String key(String title, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(title).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
