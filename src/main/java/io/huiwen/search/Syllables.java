package io.huiwen.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a run of Latin letters into pinyin syllables (yuyaojiqiren → yu yao ji qi ren), preferring
 * the fewest syllables; a run that is not all pinyin (java) gives nothing, so it stays a Latin word.
 */
final class Syllables {

    private static final Set<String> ALL = all();
    private static final int LONGEST = 6; // zhuang, chuang, shuang

    private Syllables() {}

    static List<String> split(String run) {
        int n = run.length();
        if (n < 2 || n > 60 || !run.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return List.of();
        }
        int[] fewest = new int[n + 1]; // fewest syllables covering run[0, i); 0 = not coverable
        int[] lastStart = new int[n + 1];
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - LONGEST); start < end; start++) {
                if ((start == 0 || fewest[start] > 0) && ALL.contains(run.substring(start, end))) {
                    int count = start == 0 ? 1 : fewest[start] + 1;
                    if (fewest[end] == 0 || count <= fewest[end]) { // ties: longer first syllables (fangan → fang an)
                        fewest[end] = count;
                        lastStart[end] = start;
                    }
                }
            }
        }
        if (fewest[n] == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int end = n; end > 0; end = lastStart[end]) {
            out.add(0, run.substring(lastStart[end], end));
        }
        return out;
    }

    private static Set<String> all() {
        Set<String> s = new HashSet<>();
        for (var p : com.hankcs.hanlp.dictionary.py.Pinyin.values()) {
            s.add(PinyinAnalyzer.syllable(p));
        }
        s.removeAll(Set.of("none", "ja", "n", "ng", "m", "hm", "hng")); // HanLP oddities and interjections
        return s;
    }
}
