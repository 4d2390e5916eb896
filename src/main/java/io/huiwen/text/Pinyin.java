package io.huiwen.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.PinyinDictionary;
import java.text.Normalizer;
import java.util.Locale;

/** Pinyin of Chinese names, as used for URL slugs (财经 → caijing), the convention of Chinese portals. */
public final class Pinyin {

    private Pinyin() {}

    /** A lowercase ASCII slug: pinyin without tones for Han characters, letters and digits kept, other runs become '-'. */
    public static String slug(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Segmenter.isHan(c)) {
                var py = PinyinDictionary.convertToPinyin(String.valueOf(c));
                String syllable = py.isEmpty() ? "" : py.get(0).getPinyinWithoutTone();
                out.append(syllable.replace("ü", "v").replace("none", ""));
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                out.append(Character.toLowerCase(c));
            } else {
                String folded = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD).replaceAll("[^A-Za-z0-9]", "");
                out.append(folded.isEmpty() ? "-" : folded.toLowerCase(Locale.ROOT));
            }
        }
        String slug = out.toString().replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "c" : slug;
    }

    /** Pinyin of a whole phrase, syllables separated by spaces (for search and display). */
    public static String of(String text) {
        return HanLP.convertToPinyinString(text, " ", false);
    }
}
