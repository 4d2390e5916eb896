package io.huiwen.text;

/**
 * HanLP loads its dictionaries (core words, bigrams, names, places, pinyin, 繁简) the first time a
 * text needs them: about a second and a half of reading and parsing on a cold JVM. {@link #load}
 * does it up front by running each kind of analysis once over a short text, so neither the first
 * import nor a reader's first search pays for it.
 */
public final class Dictionaries {

    private static final String TITLE = "余姚人形机器人订单增长";
    private static final String BODY = "浙江机器人产业集团在余姚发布了新一代人形机器人。張明說，訂單增長明顯，慈溪的工厂也在扩产。";

    private Dictionaries() {}

    /** Loads them on a daemon thread of its own, beside whatever the caller does next. */
    public static Thread loadInBackground() {
        Thread loading = new Thread(Dictionaries::load, "hanlp-dictionaries");
        loading.setDaemon(true);
        loading.start();
        return loading;
    }

    /** Loads them on this thread. */
    public static void load() {
        Keywords.of(TITLE, BODY, Enrichment.MAX_KEYWORDS); // plain and name-recognising segments, 繁简, word frequencies
        Segmenter.get().indexWords(BODY);
        Segmenter.get().dictionaryWords(BODY);
        Pinyin.of(TITLE);
    }
}
