package io.huiwen.search;

import io.huiwen.text.Folding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Marks a query's words in stored text by finding them in it, without the postings: the words
 * and the character runs of a query are what it matches, and folding keeps offsets, so the
 * folded text is searched and the original text marked. This is what makes a result page cost
 * little more than the search itself (bench/search-speed.sh); a query that matched by pinyin
 * has no characters to look for, and {@link #of} gives null for it.
 */
final class Marks {

    private static final int PASSAGE_CHARS = 160;
    private static final int LEAD_IN = 30;

    private final List<String> needles;

    private Marks(List<String> needles) {
        this.needles = needles;
    }

    /** The strings this query looks for, longest first; null when some of it cannot be found as characters. */
    static Marks of(Query query) {
        Set<String> needles = new LinkedHashSet<>();
        boolean[] pinyin = {false};
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }

            @Override
            public void consumeTerms(Query q, Term... terms) {
                String field = terms[0].field();
                if (field.equals(LuceneSearchIndex.TITLE_PY) || field.equals(LuceneSearchIndex.BODY_PY)) {
                    pinyin[0] = true;
                } else if (q instanceof PhraseQuery && (field.equals(LuceneSearchIndex.TITLE_CJK) || field.equals(LuceneSearchIndex.BODY_CJK))) {
                    needles.add(run(terms)); // pairs 余姚 姚机 机器 器人 → 余姚机器人
                } else if (isText(field)) {
                    for (Term t : terms) {
                        needles.add(t.text());
                    }
                }
            }
        });
        if (pinyin[0]) {
            return null;
        }
        List<String> sorted = new ArrayList<>(needles);
        sorted.removeIf(String::isEmpty);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new Marks(sorted);
    }

    private static boolean isText(String field) {
        return field.equals(LuceneSearchIndex.TITLE) || field.equals(LuceneSearchIndex.BODY) || field.equals(LuceneSearchIndex.TAGS)
                || field.equals(LuceneSearchIndex.TITLE_CJK) || field.equals(LuceneSearchIndex.BODY_CJK);
    }

    private static String run(Term[] pairs) {
        StringBuilder sb = new StringBuilder(pairs[0].text());
        for (int i = 1; i < pairs.length; i++) {
            String p = pairs[i].text();
            sb.append(p.charAt(p.length() - 1));
        }
        return sb.toString();
    }

    /** The whole text, escaped, with every match in {@code <em>}; null when nothing matches. */
    String whole(String text) {
        List<int[]> spans = find(text);
        return spans.isEmpty() ? null : html(text, spans, 0, text.length());
    }

    /** The passage of about 160 characters with the most different matches, marked; null when nothing matches. */
    String passage(String text) {
        List<int[]> spans = find(text);
        if (spans.isEmpty()) {
            return null;
        }
        int bestStart = 0, bestScore = -1;
        for (int[] anchor : spans) {
            int start = sentenceStart(text, Math.max(0, anchor[0] - LEAD_IN), anchor[0]);
            int end = Math.min(text.length(), start + PASSAGE_CHARS);
            Set<String> distinct = new LinkedHashSet<>();
            int count = 0;
            for (int[] s : spans) {
                if (s[0] >= start && s[1] <= end) {
                    distinct.add(text.substring(s[0], s[1]));
                    count++;
                }
            }
            int score = distinct.size() * 100 + count;
            if (score > bestScore) {
                bestScore = score;
                bestStart = start;
            }
        }
        int end = Math.min(text.length(), bestStart + PASSAGE_CHARS);
        return (bestStart > 0 ? "…" : "") + html(text, spans, bestStart, end) + (end < text.length() ? "…" : "");
    }

    /** Where the sentence holding {@code at} starts, if that is not before {@code from}; else {@code from}. */
    private static int sentenceStart(String text, int from, int at) {
        for (int i = at - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '\n' || c == '；') {
                return i + 1;
            }
        }
        return from;
    }

    /** Non-overlapping matches in order of position; longer needles win where two overlap. */
    private List<int[]> find(String text) {
        if (text == null || text.isEmpty() || needles.isEmpty()) {
            return List.of();
        }
        String folded = Folding.fold(text);
        boolean[] taken = new boolean[text.length()];
        List<int[]> spans = new ArrayList<>();
        for (String needle : needles) {
            boolean latin = isLatinWord(needle);
            for (int at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length())) {
                if (latin && !wholeWord(folded, at, at + needle.length())) {
                    continue; // java is not marked inside javascript, nor ai inside said
                }
                if (!taken[at] && !taken[at + needle.length() - 1]) {
                    for (int i = at; i < at + needle.length(); i++) {
                        taken[i] = true;
                    }
                    spans.add(new int[] {at, at + needle.length()});
                }
            }
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        return spans;
    }

    private static boolean isLatinWord(String s) {
        return s.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }

    private static boolean wholeWord(String text, int from, int to) {
        return (from == 0 || !isLatinLetterOrDigit(text.charAt(from - 1))) && (to == text.length() || !isLatinLetterOrDigit(text.charAt(to)));
    }

    private static boolean isLatinLetterOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static String html(String text, List<int[]> spans, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from + 32);
        int at = from;
        for (int[] s : spans) {
            if (s[0] < from || s[1] > to) {
                continue;
            }
            sb.append(Snippets.escape(text.substring(at, s[0]).replaceAll("\\s+", " ")))
                    .append("<em>").append(Snippets.escape(text.substring(s[0], s[1]))).append("</em>");
            at = s[1];
        }
        return sb.append(Snippets.escape(text.substring(at, to).replaceAll("\\s+", " "))).toString();
    }
}
