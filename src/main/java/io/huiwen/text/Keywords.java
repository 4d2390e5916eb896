package io.huiwen.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tags of an article: TextRank over its nouns, weighed by how unusual each word is in general
 * Chinese (an IDF from HanLP's core dictionary frequencies, so 发展 and 服务 sink and 余姚 rises),
 * with place and organisation names as hints.
 *
 * <p>Named-entity recognition is noisy (it reads 智造 as a person, 两大 and 经营企业 as
 * organisations), so a recognised name that no dictionary knows is only a candidate when it
 * passes a check of its own kind: a place that recurs or is in the title, an organisation that
 * recurs and ends like one (…公司, …大学), a person whose name starts with a common surname and
 * recurs. Text is folded to simplified characters first, so 機器人 and 机器人 are one tag, and a
 * place named with and without its 市/县 suffix is counted once under the short name. A tag is a
 * whole word of the text ({@link WholeWords}) and no word every story uses ({@link GenericWords}).
 */
public final class Keywords {

    public static final int MIN_TAGS = 3;

    private static final int WINDOW = 5;
    private static final int ITERATIONS = 30;
    private static final double DAMPING = 0.85;
    /** Dictionary frequency at which a word counts as half as telling as a rare one. */
    private static final double COMMON = 500;
    private static final double HINT_BOOST = 1.3;
    private static final Set<String> STOP = Set.of(
            "记者", "目前", "近年来", "今年", "去年", "明年", "以来", "方面", "工作", "情况", "问题", "时间", "有关",
            "相关", "进行", "表示", "介绍", "负责人", "通过", "同时", "其中", "已经", "一个", "我们", "他们", "这些",
            "日前", "近日", "当天", "此外", "方式", "全国", "地区", "部门", "单位", "人员", "活动", "项目", "企业",
            "部分", "一家", "数量", "同比", "环比", "比例", "总数", "期间", "过程", "作用", "领域", "能力", "水平",
            "重点", "措施", "举措", "成果", "影响", "数据", "报告", "规模", "作者", "编辑", "来源", "小时", "上午",
            "下午", "晚上", "百分点", "万元", "亿元", "国家", "政府", "记者站", "客户端", "原标题");
    /** English function words and words every news story uses: never tags of an English article. */
    private static final Set<String> ENGLISH_STOP = Set.copyOf(java.util.Arrays.asList((
            "a about above across after again against all almost along already also although always am among an and "
            + "another any anyone anything are around as at away back be became because become been before being below "
            + "between both but by can cannot could did do does doing done down during each either else enough even "
            + "ever every few for from further get gets getting give given go goes going gone got had has have having "
            + "he her here hers herself him himself his how however i if in including into is it its itself just "
            + "least less let like likely made make makes making many may me might more most much must my near need "
            + "never new next no nor not now of off often on once one only onto or other others our ours out over own "
            + "per perhaps put rather really said same say says see seen several she should show shows since so some "
            + "something still such take taken than that the their theirs them themselves then there these they this "
            + "those though through thus to too toward under until up upon us use used using very via was way we well "
            + "were what whatever when where whether which while who whom whose why will with within without would yet "
            + "you your yours yourself "
            + "year years month months week weeks day days today yesterday tomorrow time times people person thing things "
            + "told tell told news report reported reports according percent number first last second third two three "
            + "four five six seven eight nine ten hundred thousand million billion part lot lots end far high long "
            + "big small good great best better little old young right left early late recent recently including "
            + "monday tuesday wednesday thursday friday saturday sunday january february march april june july august "
            + "september october november december mr mrs ms dr also said says according image photo getty reuters "
            + "ap afp copyright read more advertisement share comment comments click subscribe newsletter").split(" ")));
    /** How an organisation's name ends, and the first characters of those endings. */
    private static final List<String> ORG_ENDINGS = List.of("公司", "集团", "银行", "医院", "大学", "学院", "研究院", "研究所", "协会",
            "商会", "基金会", "委员会", "海关", "法院", "检察院", "俱乐部", "博物馆", "图书馆", "剧院");
    private static final String ORG_ENDING_STARTS = ORG_ENDINGS.stream().map(e -> e.substring(0, 1)).distinct()
            .collect(java.util.stream.Collectors.joining());
    private static final Pattern ORG_SUFFIX = Pattern.compile(".{2,}(" + String.join("|", ORG_ENDINGS) + ")");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern PLACE_SUFFIX = Pattern.compile("(.{2,})(市|县|区|省|镇|乡)");
    private static final Set<Character> SURNAMES = surnames();

    // A second pass with organisation recognition on, used only for hints.
    private static final ThreadLocal<Segment> NAMES = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enableOrganizationRecognize(true)
            .enablePlaceRecognize(true));

    private Keywords() {}

    /** A tag as tags are stored: simplified characters, no surrounding space (機器人 → 机器人). */
    public static String normalise(String tag) {
        return Folding.simplified(tag == null ? "" : tag.strip());
    }

    public static List<String> of(String title, String body, int max) {
        String b = Folding.simplified(body == null ? "" : body);
        return of(title, b, Segmenter.get().words(b), max);
    }

    /**
     * The same tags from a body already folded to simplified characters and segmented by
     * {@link Segmenter#words}, for a caller that needs those words for more than tags (Enrichment).
     */
    static List<String> of(String title, String simplifiedBody, List<Segmenter.Word> bodyWords, int max) {
        String t = Folding.simplified(title == null ? "" : title);
        String b = simplifiedBody;
        Latin latin = new Latin(isMostlyHan(t + b));
        List<String> seq = new ArrayList<>(candidates(Segmenter.get().words(t), t, latin.inTitle()));
        Set<String> titleWords = new HashSet<>(seq);
        seq.addAll(candidates(bodyWords, t, latin));
        Map<String, Integer> organisations = organisations(t + "\n" + b);
        organisations.forEach((name, n) -> seq.addAll(java.util.Collections.nCopies(n, name)));
        Set<String> hints = organisations.keySet();
        List<String> words = foldPlaceSuffixes(seq);
        if (words.isEmpty()) {
            return List.of();
        }
        Map<String, Double> rank = textRank(cooccurrence(words));
        Map<String, Integer> freq = new HashMap<>();
        words.forEach(w -> freq.merge(w, 1, Integer::sum));
        String whole = t + "\n" + b;
        Map<String, Double> scores = new HashMap<>();
        rank.keySet().forEach(w -> scores.put(w, score(w, rank, freq, titleWords, hints) * latin.weight(w)));
        Comparator<String> byScore = Comparator.comparingDouble(scores::get);
        List<String> byRank = new ArrayList<>(rank.keySet());
        byRank.sort(byScore.reversed().thenComparing(Comparator.naturalOrder()));
        // a piece of a longer word (巴巴 of 阿里巴巴) or a word every story uses (业务, 平台) is never a tag;
        // words are checked best first and only until the tags are found (the check reads the whole text)
        List<String> ranked = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String w : byRank) {
            if (tags.size() >= max) {
                break;
            }
            if (GenericWords.isGeneric(w) || WholeWords.pieceOfLongerWord(w, whole)) {
                continue;
            }
            ranked.add(w);
            if (freq.get(w) >= 2 || titleWords.contains(w)) {
                tags.add(w);
            }
        }
        // when fewer than MIN_TAGS were found, every word was checked: ranked holds them all
        for (String w : ranked) { // a short text still gets a few tags
            if (tags.size() >= Math.min(MIN_TAGS, max)) {
                break;
            }
            if (!tags.contains(w)) {
                tags.add(w);
            }
        }
        return tags.stream().map(latin::display).toList();
    }

    private static boolean isMostlyHan(String text) {
        int han = 0, letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Segmenter.isHan(c)) {
                han++;
            } else if (c < 128 && Character.isLetter(c)) {
                letters++;
            }
        }
        return han >= letters;
    }

    /**
     * Latin words are ranked in lower case and shown as the text writes them: an acronym in
     * capitals (SUV, CEO), a name capitalised (Ukraine, WeWork), other words in lower case. In a
     * Chinese article a short Latin word is an acronym whatever its case (ai → AI, app → APP).
     * In an English article names weigh more than common nouns, which no dictionary frequency
     * tells apart.
     */
    static final class Latin {
        private static final double NAME_BOOST = 1.5;
        private static final String HEADLINE = "\u0000";

        private final boolean inHanText;
        private final boolean headline;
        private final Map<String, Map<String, Integer>> surfaces;

        Latin(boolean inHanText) {
            this(inHanText, false, new HashMap<>());
        }

        private Latin(boolean inHanText, boolean headline, Map<String, Map<String, Integer>> surfaces) {
            this.inHanText = inHanText;
            this.headline = headline;
            this.surfaces = surfaces;
        }

        /** The same words, seen in a headline: Title Case there says nothing about names. */
        Latin inTitle() {
            return new Latin(inHanText, true, surfaces);
        }

        /** The word's key, or null when it is no candidate. */
        String key(String surface) {
            String key = surface.toLowerCase(Locale.ROOT);
            if (ENGLISH_STOP.contains(key) || key.length() > 30 || key.length() < 3 && !inHanText && !isCaps(surface)) {
                return null;
            }
            // headline forms count only for words the body never writes (Title Case in a headline says little)
            surfaces.computeIfAbsent(headline ? HEADLINE + key : key, k -> new HashMap<>()).merge(surface, 1, Integer::sum);
            surfaces.computeIfAbsent(key, k -> new HashMap<>());
            return key;
        }

        double weight(String word) {
            return inHanText || !surfaces.containsKey(word) || display(word).equals(word) ? 1.0 : NAME_BOOST;
        }

        String display(String word) {
            Map<String, Integer> forms = surfaces.get(word);
            if (forms == null) {
                return word;
            }
            if (forms.isEmpty()) {
                forms = surfaces.getOrDefault(HEADLINE + word, forms);
            }
            if (inHanText && word.length() <= 4 && word.chars().allMatch(c -> c < 128)) {
                return word.toUpperCase(Locale.ROOT);
            }
            String best = word;
            int capitalised = 0, all = 0, bestCount = 0;
            for (var f : forms.entrySet()) {
                all += f.getValue();
                if (isCaps(f.getKey()) && f.getKey().length() <= 6) {
                    return f.getKey();
                }
                if (!f.getKey().equals(f.getKey().toLowerCase(Locale.ROOT))) { // Ukraine, WeWork, xCloud
                    capitalised += f.getValue();
                    if (f.getValue() > bestCount) {
                        best = f.getKey();
                        bestCount = f.getValue();
                    }
                }
            }
            return capitalised * 2 > all ? best : word;
        }

        private static boolean isCaps(String s) {
            return s.length() >= 2 && s.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
        }
    }

    private static double score(String w, Map<String, Double> rank, Map<String, Integer> freq,
                                Set<String> titleWords, Set<String> hints) {
        double boost = (titleWords.contains(w) ? 1.5 : 1.0) * (hints.contains(w) || isPlace(w) ? HINT_BOOST : 1.0);
        return rank.get(w) * boost * Math.log(1 + freq.get(w)) * idf(w);
    }

    /** How telling a word is: high for words rare in general text, low for 发展, 市场, 服务. */
    static double idf(String word) {
        int f = Math.max(0, CoreDictionary.getTermFrequency(word));
        return Math.log(1 + COMMON / (f + 20.0));
    }

    /** Candidate words of the text in order, NER names only when they pass their check. */
    static List<String> candidates(List<Segmenter.Word> words, String title, Latin latin) {
        Map<String, Integer> counts = new HashMap<>();
        words.forEach(w -> counts.merge(w.text(), 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (Segmenter.Word w : words) {
            String s = w.text();
            if (s.length() < 2 || STOP.contains(s)) {
                continue;
            }
            if (isHanWord(s)) {
                if (s.length() <= 8 && isNounLike(w.pos()) && (known(s) || trustedName(s, w.pos(), counts.get(s), title))) {
                    out.add(s);
                }
            } else if (LATIN_WORD.matcher(s).matches()) {
                String key = latin.key(s);
                if (key != null) {
                    out.add(key);
                }
            }
        }
        return out;
    }

    private static boolean known(String word) {
        return CoreDictionary.contains(word) || CustomDictionary.contains(word);
    }

    /** A name HanLP recognised but no dictionary knows: kept only when it passes the check for its kind. */
    private static boolean trustedName(String s, String pos, int count, String title) {
        if (pos.startsWith("ns")) {
            return count >= 2 || title.contains(s);
        }
        if (pos.equals("nr")) {
            // a person's name, or a place HanLP misreads as one (东江港): recurring and in the title
            return s.length() <= 3 && SURNAMES.contains(s.charAt(0)) && count >= 3 || title.contains(s) && count >= 2;
        }
        return pos.startsWith("nt") && count >= 2 && ORG_SUFFIX.matcher(s).matches();
    }

    /** Organisation names from the recognising pass that recur and end like an organisation. */
    static Map<String, Integer> organisations(String text) {
        Map<String, Integer> counts = new HashMap<>();
        if (!mayNameAnOrganisationTwice(text)) {
            return counts; // spare the recognising pass: nothing it finds could count
        }
        for (Term t : NAMES.get().seg(text)) {
            if (t.nature != null && t.nature.toString().startsWith("nt") && t.word.length() <= 12
                    && ORG_SUFFIX.matcher(t.word).matches() && isHanWord(t.word)) {
                counts.merge(t.word, 1, Integer::sum);
            }
        }
        counts.values().removeIf(n -> n < 2);
        return counts;
    }

    /**
     * Whether an organisation name could occur twice: a recognised name is a piece of the text
     * ending like an organisation with at least two characters before that ending, so the two
     * characters and the ending recur wherever the name does. When no such piece recurs, no name
     * passes {@link #organisations}' count.
     */
    static boolean mayNameAnOrganisationTwice(String text) {
        Set<String> seen = new HashSet<>();
        for (int i = 2; i < text.length(); i++) {
            if (ORG_ENDING_STARTS.indexOf(text.charAt(i)) < 0) {
                continue;
            }
            for (String ending : ORG_ENDINGS) { // every ending at every place, overlapping ones too (大学院)
                if (text.startsWith(ending, i) && !seen.add(text.substring(i - 2, i + ending.length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** 余姚市 counted as 余姚 when the text also says 余姚. */
    private static List<String> foldPlaceSuffixes(List<String> seq) {
        Set<String> present = new HashSet<>(seq);
        List<String> out = new ArrayList<>(seq.size());
        for (String w : seq) {
            var m = PLACE_SUFFIX.matcher(w);
            out.add(m.matches() && present.contains(m.group(1)) ? m.group(1) : w);
        }
        return out;
    }

    private static boolean isPlace(String word) {
        CoreDictionary.Attribute a = CoreDictionary.get(word);
        return a != null && a.nature.length > 0 && a.nature[0].toString().startsWith("ns");
    }

    private static boolean isNounLike(String pos) {
        return pos.startsWith("n") && !pos.equals("nx") || pos.equals("vn") || pos.equals("gi") || pos.equals("nz");
    }

    private static boolean isHanWord(String s) {
        return s.chars().allMatch(c -> Segmenter.isHan((char) c));
    }

    private static Set<Character> surnames() {
        Set<Character> out = new HashSet<>();
        for (char c : ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚"
                + "卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤鲍").toCharArray()) {
            out.add(c);
        }
        return out;
    }

    private static Map<String, Set<String>> cooccurrence(List<String> seq) {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        for (int i = 0; i < seq.size(); i++) {
            graph.computeIfAbsent(seq.get(i), k -> new HashSet<>());
            for (int j = i + 1; j < Math.min(seq.size(), i + WINDOW); j++) {
                if (!seq.get(i).equals(seq.get(j))) {
                    graph.get(seq.get(i)).add(seq.get(j));
                    graph.computeIfAbsent(seq.get(j), k -> new HashSet<>()).add(seq.get(i));
                }
            }
        }
        return graph;
    }

    /**
     * TextRank over the co-occurrence graph. Words and their neighbours become array indexes
     * (neighbours in the order their sets give them, so every sum adds up in the same order as
     * over the sets themselves): the thirty iterations then do no hashing.
     */
    private static Map<String, Double> textRank(Map<String, Set<String>> graph) {
        int n = graph.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        String[] word = new String[n];
        for (String w : graph.keySet()) {
            word[index.size()] = w;
            index.put(w, index.size());
        }
        int[][] neighbours = new int[n][];
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            Set<String> adjacent = graph.get(word[i]);
            neighbours[i] = adjacent.stream().mapToInt(index::get).toArray();
            degree[i] = Math.max(1, adjacent.size());
        }
        double[] score = new double[n];
        java.util.Arrays.fill(score, 1.0);
        double[] next = new double[n];
        for (int it = 0; it < ITERATIONS; it++) {
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int other : neighbours[i]) {
                    sum += score[other] / degree[other];
                }
                next[i] = (1 - DAMPING) + DAMPING * sum;
            }
            double[] was = score;
            score = next;
            next = was;
        }
        Map<String, Double> out = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            out.put(word[i], score[i]);
        }
        return out;
    }
}
