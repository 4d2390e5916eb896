package io.huiwen.extract;

import java.util.Locale;

/** Guesses the body's language from its script: Chinese when Han characters dominate, else the page's lang, else en for Latin text. */
final class LanguageGuesser {
    private LanguageGuesser() {}

    static String guess(String text, String declaredLang) {
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int latin = 0;
        int n = Math.min(text == null ? 0 : text.length(), 20000);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            switch (script) {
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case LATIN -> latin++;
                default -> { }
            }
        }
        if (kana > 0 && kana * 5 >= han) {
            return "ja";
        }
        if (hangul > han && hangul > latin / 3) {
            return "ko";
        }
        // A Chinese character carries about as much as a Latin word, so weigh them accordingly.
        if (han > 0 && han * 3 >= latin) {
            return "zh";
        }
        String declared = primary(declaredLang);
        if (declared != null && !declared.equals("zh")) {
            return declared;
        }
        return latin > 0 ? "en" : declared;
    }

    private static String primary(String lang) {
        if (lang == null || lang.isBlank()) {
            return null;
        }
        String p = lang.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return p.matches("[a-z]{2,3}") ? p : null;
    }
}
