package io.huiwen.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keywords by TextRank over the nouns of the segmented text: words that co-occur with many
 * other important words within a small window rank high. Words of the title get a boost.
 */
public final class Keywords {

    private static final int WINDOW = 5;
    private static final int ITERATIONS = 30;
    private static final double DAMPING = 0.85;
    private static final Set<String> STOP = Set.of(
            "记者", "目前", "近年来", "今年", "去年", "以来", "方面", "工作", "情况", "问题", "时间", "有关",
            "相关", "进行", "表示", "介绍", "负责人", "通过", "同时", "其中", "已经", "一个", "我们", "他们", "这些",
            "日前", "近日", "当天", "此外", "方式", "全国", "地区", "部门", "单位", "人员", "活动", "项目", "企业");

    private Keywords() {}

    public static List<String> of(String title, String body, int max) {
        List<String> seq = candidates(title == null ? "" : title);
        Set<String> titleWords = new HashSet<>(seq);
        seq.addAll(candidates(body == null ? "" : body));
        if (seq.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> graph = cooccurrence(seq);
        Map<String, Double> rank = textRank(graph);
        Map<String, Integer> freq = new HashMap<>();
        seq.forEach(w -> freq.merge(w, 1, Integer::sum));
        List<String> ranked = new ArrayList<>(rank.keySet());
        ranked.sort(Comparator.comparingDouble((String w) -> score(w, rank, freq, titleWords)).reversed());
        return ranked.stream().filter(w -> freq.get(w) >= 2 || titleWords.contains(w)).limit(max).toList();
    }

    private static double score(String w, Map<String, Double> rank, Map<String, Integer> freq, Set<String> titleWords) {
        return rank.get(w) * (titleWords.contains(w) ? 1.5 : 1.0) * Math.log(1 + freq.get(w));
    }

    /** Nouns, place and organisation names and verbal nouns of two or more Han characters. */
    static List<String> candidates(String text) {
        List<String> out = new ArrayList<>();
        for (Segmenter.Word w : Segmenter.get().words(text)) {
            String s = w.text();
            if (s.length() >= 2 && s.length() <= 8 && isHanWord(s) && isNounLike(w.pos()) && !STOP.contains(s)) {
                out.add(s);
            } else if (s.length() >= 2 && s.matches("[A-Za-z][A-Za-z0-9]+") && isNounLike(w.pos())) {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean isNounLike(String pos) {
        return pos.startsWith("n") && !pos.equals("nx") || pos.equals("vn") || pos.equals("gi") || pos.equals("nz");
    }

    private static boolean isHanWord(String s) {
        return s.chars().allMatch(c -> Segmenter.isHan((char) c));
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

    private static Map<String, Double> textRank(Map<String, Set<String>> graph) {
        Map<String, Double> score = new HashMap<>();
        graph.keySet().forEach(w -> score.put(w, 1.0));
        for (int it = 0; it < ITERATIONS; it++) {
            Map<String, Double> next = new HashMap<>();
            for (var e : graph.entrySet()) {
                double sum = 0;
                for (String other : e.getValue()) {
                    sum += score.get(other) / Math.max(1, graph.get(other).size());
                }
                next.put(e.getKey(), (1 - DAMPING) + DAMPING * sum);
            }
            score.putAll(next);
        }
        return score;
    }
}
