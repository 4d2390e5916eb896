package io.huiwen.search;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import io.huiwen.text.Segmenter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;

/**
 * What analysis costs per article at build time (bench only), single-threaded, warm: HanLP alone,
 * HanLP with the index-mode sub-words, the product's index analyzer over every field it indexes,
 * and Lucene's CJK bigram analyzer as a cheap reference.
 */
final class AnalysisCost {

    private AnalysisCost() {}

    static void print(SyntheticNews news, int articles) throws IOException {
        List<IndexedArticle> sample = new ArrayList<>();
        long chars = 0;
        for (long id = 1; id <= articles; id++) {
            IndexedArticle a = news.article(id);
            sample.add(a);
            chars += a.title().length() + a.text().length();
        }
        Analyzer index = ChineseAnalyzer.forIndex();
        Analyzer bigrams = new CJKAnalyzer();
        System.out.printf("analysis per article, %d articles, %.0f chars each (title+body), one thread, warm:%n", articles, chars / (double) articles);
        for (int round = 0; round < 2; round++) { // the first round warms up
            boolean report = round == 1;
            time(report, "Segmenter.words (HanLP Viterbi)", sample, chars, a -> Segmenter.get().words(a.title()).size() + Segmenter.get().words(a.text()).size());
            time(report, "Segmenter.indexWords (+ sub-words)", sample, chars, a -> Segmenter.get().indexWords(a.title()).size() + Segmenter.get().indexWords(a.text()).size());
            time(report, "ChineseAnalyzer.forIndex, all indexed fields", sample, chars, a -> tokens(index, a));
            time(report, "CJKAnalyzer bigrams, all indexed fields", sample, chars, a -> tokens(bigrams, a));
            time(report, "HanLP viterbi, person/place/org recognition off", sample, chars, a -> seg(noNer, a));
            time(report, "HanLP dat (dictionary trie, no model)", sample, chars, a -> seg(dat, a));
        }
        System.out.printf("  two threads over the same articles: Segmenter.words (one shared, locked Segment) %.0f articles/s;"
                + " one Segment per thread %.0f articles/s%n",
                twoThreads(sample, a -> Segmenter.get().words(a.title()).size() + Segmenter.get().words(a.text()).size()),
                twoThreads(sample, a -> seg(PER_THREAD.get(), a)));
    }

    /**
     * Lucene's own share of the build: the same documents and fields as the product's, written
     * with the CJK bigram analyzer (about a tenth of HanLP's cost) into a temporary index.
     */
    static void printLuceneShare(SyntheticNews news, int articles) throws IOException {
        Path dir = Files.createTempDirectory("huiwen-bigram-build");
        long t = System.nanoTime();
        try (IndexWriter w = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(new CJKAnalyzer()))) {
            for (long id = 1; id <= articles; id++) {
                IndexedArticle a = news.article(id);
                Document d = new Document();
                d.add(new StringField(LuceneSearchIndex.ID, Long.toString(a.id()), Field.Store.YES));
                d.add(new TextField(LuceneSearchIndex.TITLE, a.title(), Field.Store.YES));
                d.add(new TextField(LuceneSearchIndex.BODY, a.text(), Field.Store.YES));
                d.add(new TextField(LuceneSearchIndex.TAGS, String.join(" ", a.tags()), Field.Store.YES));
                d.add(new TextField(LuceneSearchIndex.SOURCE, a.source(), Field.Store.NO));
                d.add(new StringField(LuceneSearchIndex.SOURCE_EXACT, a.source(), Field.Store.NO));
                d.add(new StringField(LuceneSearchIndex.CATEGORY, a.categorySlug(), Field.Store.NO));
                long time = a.sortTime().toInstant().toEpochMilli();
                d.add(new LongPoint(LuceneSearchIndex.TIME, time));
                d.add(new NumericDocValuesField(LuceneSearchIndex.TIME, time));
                d.add(new StringField(LuceneSearchIndex.STORY, Long.toString(a.storyId()), Field.Store.YES));
                w.addDocument(d);
            }
            w.commit();
        } finally {
            IOUtils.rm(dir);
        }
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf("  the same %d documents indexed with CJK bigrams instead of HanLP (generation included): %.0f articles/s%n", articles, articles / s);
    }

    private static final Segment noNer = HanLP.newSegment().enableNameRecognize(false).enablePlaceRecognize(false)
            .enableOrganizationRecognize(false).enableOffset(true);
    private static final Segment dat = HanLP.newSegment("dat").enableOffset(true);
    private static final ThreadLocal<Segment> PER_THREAD = ThreadLocal.withInitial(
            () -> HanLP.newSegment().enableOrganizationRecognize(false).enablePlaceRecognize(true).enableOffset(true));

    private static int seg(Segment segment, IndexedArticle a) {
        return segment.seg(a.title()).size() + segment.seg(a.text()).size();
    }

    private static double twoThreads(List<IndexedArticle> sample, ToIntFunction<IndexedArticle> work) {
        long t = System.nanoTime();
        Thread[] threads = new Thread[2];
        for (int k = 0; k < threads.length; k++) {
            int from = k * sample.size() / 2, to = (k + 1) * sample.size() / 2;
            threads[k] = new Thread(() -> sample.subList(from, to).forEach(work::applyAsInt));
            threads[k].start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return sample.size() / ((System.nanoTime() - t) / 1e9);
    }

    private static void time(boolean report, String what, List<IndexedArticle> sample, long chars, ToIntFunction<IndexedArticle> work) {
        long tokens = 0;
        long t = System.nanoTime();
        for (IndexedArticle a : sample) {
            tokens += work.applyAsInt(a);
        }
        double s = (System.nanoTime() - t) / 1e9;
        if (report) {
            System.out.printf("  %-46s %7.1f us/article  %7.0f articles/s  %5.2f M chars/s  %4.0f tokens/article%n",
                    what, s * 1e6 / sample.size(), sample.size() / s, chars / s / 1e6, tokens / (double) sample.size());
        }
    }

    private static int tokens(Analyzer analyzer, IndexedArticle a) {
        return count(analyzer, LuceneSearchIndex.TITLE, a.title()) + count(analyzer, LuceneSearchIndex.BODY, a.text())
                + count(analyzer, LuceneSearchIndex.TAGS, String.join(" ", a.tags())) + count(analyzer, LuceneSearchIndex.SOURCE, a.source());
    }

    private static int count(Analyzer analyzer, String field, String text) {
        int n = 0;
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            ts.reset();
            while (ts.incrementToken()) {
                n++;
            }
            ts.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return n;
    }
}
