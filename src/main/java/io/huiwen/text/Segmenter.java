package io.huiwen.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * HanLP word segmentation. {@link #words} gives the plain segmentation with parts of speech;
 * {@link #indexWords} adds the dictionary sub-words of each long word at the same position,
 * so that 机器人 is found inside 浙江机器人产业集团; {@link #dictionaryWords} is the fast
 * dictionary-only segmentation for counting words.
 */
public final class Segmenter {

    /** A word of the text, its part of speech (HanLP tag), and where it starts and ends. */
    public record Word(String text, String pos, int start, int end, boolean subWord) {}

    private static final Segmenter INSTANCE = new Segmenter();

    // Organisation recognition glues long names into one token; plain segmentation keeps
    // the parts searchable. Place and person names stay on: they make good tags. One segment
    // per thread: HanLP segments are not documented as thread-safe, and a shared lock would
    // serialise indexing on all cores.
    private final ThreadLocal<Segment> plain = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enableOrganizationRecognize(false)
            .enablePlaceRecognize(true)
            .enableOffset(true));

    // Longest dictionary match with the dictionary's part of speech: about ten times faster than
    // the Viterbi segment, and good enough where only word counts matter (classification).
    private final ThreadLocal<Segment> dictionary = ThreadLocal.withInitial(() -> new DoubleArrayTrieSegment()
            .enablePartOfSpeechTagging(true)
            .enableOffset(true));

    private Segmenter() {}

    public static Segmenter get() {
        return INSTANCE;
    }

    public List<Word> words(String text) {
        return segment(plain, text);
    }

    /**
     * Dictionary words only (longest match, no name recognition), with their dictionary part of
     * speech: for counting words over many texts, where speed matters more than names.
     */
    public List<Word> dictionaryWords(String text) {
        return segment(dictionary, text);
    }

    private static List<Word> segment(ThreadLocal<Segment> segment, String text) {
        List<Word> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        List<Term> terms = segment.get().seg(text);
        for (Term t : terms) {
            out.add(new Word(t.word, t.nature == null ? "x" : t.nature.toString(), t.offset, t.offset + t.length(), false));
        }
        return out;
    }

    /** Plain words plus, after each word of three or more characters, its dictionary sub-words. */
    public List<Word> indexWords(String text) {
        List<Word> out = new ArrayList<>();
        for (Word w : words(text)) {
            out.add(w);
            if (w.text().length() >= 3 && isHan(w.text().charAt(0))) {
                out.addAll(subWords(w.text(), w.start()));
            }
        }
        return out;
    }

    /**
     * The dictionary words inside a long word that starts at {@code start}, in order of where they
     * start (Lucene needs offsets that never go back); the word itself is not among them.
     */
    public static List<Word> subWords(String word, int start) {
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < word.length() - 1; i++) {
            for (int len = word.length() - i - (i == 0 ? 1 : 0); len >= 2; len--) {
                String sub = word.substring(i, i + len);
                if (CoreDictionary.contains(sub) || CustomDictionary.contains(sub)) {
                    out.add(new Word(sub, "x", start + i, start + i + len, true));
                }
            }
        }
        return out;
    }

    /** Whether {@code c} is a Chinese character (Han script). */
    public static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
