package io.huiwen.text;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a word stands in a text as a whole word, or only as a piece of a longer one (巴巴 of
 * 阿里巴巴, 暨南 of 暨南大学, 颖家人 of 潘晓颖家人). Two signs, both read from the text itself:
 * <ul>
 * <li>a longer dictionary word covers it, or crosses its edge, where it stands (一带 and 路行 in
 * 一带一路行动);</li>
 * <li>the text never writes it without the same neighbour: every one of two or more
 * occurrences has the same character before it, or after it, and that character is no particle
 * (的, 在…) but part of the name (阿里巴巴, 环球时报: a free word has varied neighbours).</li>
 * </ul>
 */
public final class WholeWords {

    /** Single characters that stand as words of their own beside a name: never a part of it. */
    private static final String PARTICLES = "的了在和与及或是为对把被将向从于由让给等也都就还又这那个各每该其此即并而且但着过到已说称";
    private static final int LONGEST_WORD = 8;
    private static final int TITLE_OF_A_WORK = 9;
    /** What follows a place's short name in its full one (禹州市): the short name is still a whole word. */
    private static final String PLACE_SUFFIXES = "省市县区镇乡村州";

    private WholeWords() {}

    /** Whether {@code word} is, in most of its occurrences in {@code text}, a piece of a longer word. */
    public static boolean pieceOfLongerWord(String word, String text) {
        if (word.length() < 2 || !Segmenter.isHan(word.charAt(0)) || !Segmenter.isHan(word.charAt(word.length() - 1))) {
            return false;
        }
        List<Integer> at = occurrences(word, text);
        if (at.isEmpty()) {
            return false;
        }
        int inside = 0;
        for (int s : at) {
            if (coveredByLongerWord(text, s, s + word.length())) {
                inside++;
            }
        }
        if (inside * 2 > at.size()) {
            return true;
        }
        if (CoreDictionary.contains(word)) {
            return false; // a word of general Chinese is a word even where the text always gives it one neighbour (中国劳动法)
        }
        return gluedParticle(word) || at.size() >= 2 && (sameNeighbour(text, at, -1, "")
                || sameNeighbour(text, at, word.length(), isPlace(word) ? PLACE_SUFFIXES : ""));
    }

    /** A name no dictionary knows that starts or ends with a particle the recogniser glued on (将长春, 向潘晓). */
    private static boolean gluedParticle(String word) {
        return word.length() >= 3 && (PARTICLES.indexOf(word.charAt(0)) >= 0 || PARTICLES.indexOf(word.charAt(word.length() - 1)) >= 0);
    }

    static List<Integer> occurrences(String word, String text) {
        List<Integer> out = new ArrayList<>();
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            out.add(i);
        }
        return out;
    }

    /**
     * A word of the core dictionary that crosses an edge of [start, end) (一带一路 over 路行), or
     * a book title that holds it without being all of it (《环球时报》 over 时报). The custom
     * dictionaries are left out here: they hold fragments such as 巴巴 and 德斯 themselves.
     */
    private static boolean coveredByLongerWord(String text, int start, int end) {
        if (insideBookTitle(text, start, end)) {
            return true;
        }
        for (int i = Math.max(0, start - LONGEST_WORD + 1); i < end; i++) {
            for (int j = Math.max(i + 2, start + 1); j <= Math.min(text.length(), i + LONGEST_WORD); j++) {
                boolean crosses = i < start && j > start && j < end || i > start && i < end && j > end;
                if (crosses && j - i >= 3 && CoreDictionary.contains(text.substring(i, j))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Inside a short 《…》 without being all of it: a piece of a name (时报 of 《环球时报》). A long
     * 《…》 is a headline quoted in full, made of whole words.
     */
    private static boolean insideBookTitle(String text, int start, int end) {
        int open = text.lastIndexOf('《', start);
        int close = text.indexOf('》', end);
        if (open < 0 || close < 0 || close - open > TITLE_OF_A_WORK || text.indexOf('》', open) < start) {
            return false;
        }
        return open + 1 != start || close != end;
    }

    /** Whether every occurrence has the same Han character at {@code offset} from its start, no particle. */
    private static boolean sameNeighbour(String text, List<Integer> at, int offset, String free) {
        char first = 0;
        for (int s : at) {
            int p = s + offset;
            if (p < 0 || p >= text.length()) {
                return false;
            }
            char c = text.charAt(p);
            if (!Segmenter.isHan(c) || PARTICLES.indexOf(c) >= 0 || free.indexOf(c) >= 0 || first != 0 && c != first) {
                return false;
            }
            first = c;
        }
        return true;
    }


    private static boolean isPlace(String s) {
        CoreDictionary.Attribute a = CoreDictionary.get(s);
        return a != null && a.nature.length > 0 && a.nature[0].toString().startsWith("ns");
    }
}
