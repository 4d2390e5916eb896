package io.huiwen.text;

/**
 * HanLP loads its dictionaries (core words, bigrams, names, places, pinyin, 繁简) the first time a
 * text needs them: about a second and a half of reading and parsing on a cold JVM. These methods do
 * it up front by running each kind of analysis once over a short text, so neither the first import
 * nor a reader's first search pays for it. {@link #loadForSearch} is the part search and the index
 * need (the core and custom words, the 繁简 table of {@link Folding}, pinyin for pinyin search);
 * {@link #load} is all of it, adding what enrichment needs (the bigrams of the Viterbi segmentation,
 * person and place names).
 */
public final class Dictionaries {

    private static final String TITLE = "余姚人形机器人订单增长";
    private static final String BODY = "浙江机器人产业集团在余姚发布了新一代人形机器人。張明說，訂單增長明顯，慈溪的工厂也在扩产。";

    private Dictionaries() {}

    /** Runs {@code loading} (one of the methods below) on a daemon thread of its own, beside whatever the caller does next. */
    public static Thread inBackground(Runnable loading) {
        Thread thread = new Thread(loading, "hanlp-dictionaries");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Loads, on this thread, what search and the index need: longest-match segmentation, sub-words, folding, pinyin. */
    public static void loadForSearch() {
        Folding.fold(BODY);
        Segmenter.get().dictionaryWords(BODY);
        Segmenter.subWords(TITLE, 0);
        Pinyin.of(TITLE);
    }

    /** Loads all of them on this thread. */
    public static void load() {
        loadForSearch();
        Keywords.of(TITLE, BODY, Enrichment.MAX_KEYWORDS); // plain and name-recognising segments, 繁简 by words, word frequencies
        Segmenter.get().indexWords(BODY);
    }
}
