package io.huiwen.search;

import io.huiwen.text.Folding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reader's query language: words (all required), "quoted phrases", -word and -"phrase" to
 * exclude, source:名称 or site:名称/域名 to keep one source (-source: to drop one). Anything else is
 * read as words; nothing here throws. The text is folded first, so full-width quotes, colons and
 * minus signs work as well as ASCII ones.
 */
record QuerySyntax(List<String> words, List<String> phrases, List<String> excludedWords, List<String> excludedPhrases,
                   List<String> sources, List<String> excludedSources) {

    static final int MAX_PARTS = 12;
    private static final Pattern SOURCE = Pattern.compile("^(?:source|site|来源):(.*)$");

    static QuerySyntax parse(String input) {
        String s = clean(input);
        QuerySyntax q = new QuerySyntax(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == ' ') {
                i++;
                continue;
            }
            boolean not = false;
            while (i < s.length() && s.charAt(i) == '-') {
                not = true;
                i++;
            }
            if (i < s.length() && s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                int end = close < 0 ? s.length() : close;
                q.add(not ? q.excludedPhrases : q.phrases, s.substring(i + 1, end));
                i = end + 1;
                continue;
            }
            int end = i;
            while (end < s.length() && s.charAt(end) != ' ' && s.charAt(end) != '"') {
                end++;
            }
            String word = s.substring(i, end);
            var source = SOURCE.matcher(word);
            if (source.matches()) {
                String name = source.group(1);
                if (name.isEmpty() && end < s.length() && s.charAt(end) == '"') { // source:"两个 词"
                    int close = s.indexOf('"', end + 1);
                    name = s.substring(end + 1, close < 0 ? s.length() : close);
                    end = close < 0 ? s.length() : close + 1;
                }
                q.add(not ? q.excludedSources : q.sources, name);
            } else {
                q.add(not ? q.excludedWords : q.words, word);
            }
            i = end;
        }
        return q;
    }

    private void add(List<String> to, String part) {
        String p = part.strip();
        if (!p.isEmpty() && to.size() < MAX_PARTS) {
            to.add(p);
        }
    }

    boolean hasPositive() {
        return !words.isEmpty() || !phrases.isEmpty();
    }

    /** Folded (简繁, width, case), curly quotes as ASCII, control and format characters as spaces. */
    static String clean(String input) {
        if (input == null) {
            return "";
        }
        String s = Folding.fold(input).replace('“', '"').replace('”', '"').replace('「', '"').replace('」', '"')
                .replace('−', '-');
        return s.replaceAll("[\\p{Cntrl}\\p{Cf}\\s]+", " ").strip();
    }
}
