package io.huiwen.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises the short lines that sites put into and around an article body but that are not part
 * of it: labels of ad slots and related lists ("Advertisement", "Related", 延伸阅读), lead-ins to a
 * single link ("Read more: …", 相关阅读：…), calls to action (newsletter sign-ups, 扫码关注) and
 * datelines ("Published 11:34 PM EST Nov 19, 2019"). Only short lines are judged: a long paragraph
 * that mentions a newsletter is text.
 */
final class BoilerplateLine {
    private static final int MAX_LABEL_CHARS = 50;
    private static final int MAX_PROMO_CHARS = 200;
    private static final int MAX_DATELINE_CHARS = 70;

    /** The whole line is a section label; trailing punctuation (… : ») allowed. */
    private static final Pattern LABEL = Pattern.compile(
            "[-–—|•·*\\s]*(advert|advertisement|ad|sponsored|sponsored content|paid content|\\d* ?comments?|comment|share|"
                    + "share this|share this (article|story)|share on \\w+|related|related (articles|stories|content|"
                    + "coverage|news|links|posts)|more|see more|see more photos|read more|read next|more on this|"
                    + "more stories|don'?t miss|you may also like|you might also like|recommended|recommended for you|"
                    + "trending|trending now|most read|most popular|like this|like loading|loading|caption|close|"
                    + "back to gallery|this slideshow requires javascript|tell us what you think|"
                    + "延伸阅读|推荐阅读|相关新闻|相关阅读|相关文章|相关报道|相关推荐|热门推荐|猜你喜欢|分享到|分享|评论|"
                    + "网友评论|广告|返回搜狐|查看更多|展开全文|字号|我要跟帖|跟帖|图集|收藏本文|收藏|打印|纠错|举报|"
                    + "已输入\\d+字|评论\\s*[(（]\\d+[)）]|\\d+条评论|延伸\\s*[·・]\\s*推荐|[-—]*\\s*the end\\s*[-—]*|end|"
                    + "点击(看|查看)?(清晰)?大图|[(（]点击.{0,6}大图[)）]|"
                    + "next article|previous article|next story|up next|more from \\w+( \\w+)?|"
                    + "meistgelesen|am meisten gelesen|mehr zum thema|weitere artikel|auch interessant|"
                    + "das könnte sie auch interessieren|nächster artikel|vorheriger artikel|lesen sie auch|"
                    + "kommentare|teilen|anzeige|werbung|kommentieren|diesen artikel teilen|artikel teilen|"
                    + "schon gelesen|mehr themen|weitere themen|das (thema|könnte) (könnte )?dich (auch )?interessieren|"
                    + "empfohlener redaktioneller inhalt|war (der|dieser) artikel (hilfreich|nützlich)|wird geladen|"
                    + "quellen (ausblenden|anzeigen)|beitragsbild|titelbild|mehr erfahren|weiterlesen|"
                    + "le puede interesar|te puede interesar|puede interesarte|lea también|lee también|vea también|"
                    + "ver también|noticias relacionadas|publicidad|compartir|lire aussi|à lire aussi|voir aussi|"
                    + "sur le même sujet|partager|leggi anche|potrebbe interessarti|condividi|pubblicità|"
                    + "czytaj (też|także|również)|zobacz (też|także|również)|udostępnij|reklama|leia também|"
                    + "credits?|photo credit|bildnachweis|fotos?|quellenangaben|quellen|sources|erschienen in|"
                    + "möchten sie (den|diesen) artikel teilen|kommentare? schreiben|kommentar verfassen|"
                    + "(gefällt mir )?wird geladen|keine kommentare.{0,80}|no comments( yet)?|sin comentarios|"
                    + "aucun commentaire|brak komentarzy|ähnliche (beiträge|artikel)|verwandte (beiträge|artikel)|"
                    + "artículos relacionados|relacionados|articles similaires|articoli correlati|podobne (wpisy|artykuły)|"
                    + "gefällt mir|me gusta|j'aime|mi piace|lubię to|sukai ini|suka memuat|terkait|iklan)[\\s:：.…!！?»>\\-]*");
    /**
     * Credit and housekeeping lines of Chinese newsrooms, whole on their own line: （责任编辑：…）, 【编辑：…】,
     * (责编：…), 校对：…, 采写：…, an original-title note (原标题：…), and the reproduction notes
     * sites add to copied stories (信息来源于网络, 图片来自网络，如有侵权请联系删除, 声明：…).
     */
    private static final Pattern CREDIT_LINE = Pattern.compile(
            "^[【\\[(（]?\\s*(责任编辑|责编|编辑|校对|审核|审校|监制|值班编辑|实习编辑|美编|统筹|策划|采写|撰稿|来源)\\s*[:：].{1,40}$"
                    + "|^[【\\[(（]?\\s*原标?题(为)?\\s*[:：《].{2,100}$");
    private static final Pattern REPRODUCTION = Pattern.compile(
            "(信息|内容|图片|文章|素材|文字|部分图片)(均)?(来[源自]于?|转自|选自)(互联)?网络|如有侵权|联系(我们|小编)?删除|"
                    + "转载请注明|未经.{0,8}(授权|许可).{0,6}(转载|使用)|不代表本(站|网|平台|号|刊)|仅代表作者(个人)?观点|"
                    + "^[【\\[(（]?(特别|免责|版权)?声明\\s*[:：]|本平台仅提供信息存储");
    /** A list of the story's tags or keywords, its words all links: "关键词 >> 共享充电宝", "Tags: …", "Schlagwörter: …". */
    private static final Pattern TAG_LIST = Pattern.compile(
            "(关键词|关键字|标签|分类|tags?|schlagw(ö|oe)rter|themen|stichw(ö|oe)rter|topics|kategorien?|categor(y|ies)|"
                    + "categorías?|catégories?|categorie|kategorie|rubriken?|etiquetas|étiquettes)\\s*[:：>»|]");
    /** A label followed by a linked headline: "Read more: …", "RELATED: …", 相关阅读：…. */
    private static final Pattern LEAD_IN = Pattern.compile(
            "[\\[(]?\\s*(read more|read also|also read|see more|see also|more|related[\\w ]{0,16}|watch|listen|recommended|"
                    + "on \\w+( \\w+)?|lesen sie (auch|mehr)|mehr (zum thema|dazu)|auch interessant|siehe auch|"
                    + "lea también|lee también|vea también|ver también|mira|te puede interesar|le puede interesar|"
                    + "lire aussi|à lire aussi|voir aussi|leggi anche|czytaj (też|także|również)|zobacz (też|także|również)|"
                    + "leia também|schon gelesen|das könnte sie auch interessieren|"
                    + "相关阅读|延伸阅读|推荐阅读|相关新闻|相关链接)\\s*[:：|]");
    /**
     * Calls to action that promote the site rather than tell the story ("sign up" alone is too common in prose):
     * those that open the line (tried at its start only) and those found anywhere in it.
     */
    private static final Pattern PROMO_START = Pattern.compile(
            "subscribe\\b|©|\\(c\\)|cite this( article)?:|zitiervorschlag|bildquelle:|"
                    + "follow\\b.{0,100}\\b(facebook|twitter|instagram|linkedin|youtube|tiktok|telegram|whatsapp)\\b|"
                    + "(have|got) a (news )?tip\\b|(folgt?|folgen sie) (uns|.{0,60}) auf (facebook|twitter|instagram)|síguenos|suivez-nous|"
                    + "[(\\[]?(photo |image |foto |bild)?credits?\\s*:|beitragsbild\\s*:|titelbild\\s*:|(abbildung|abb\\.|figure|fig\\.)\\s*\\d*\\s*:|"
                    + "(video )?verfügbar bis\\b|gefällt (dir|ihnen|euch) (unser|unsere|dieser|dieses|der)\\b");
    private static final Pattern PROMO_ANYWHERE = Pattern.compile(
            "click here|newsletter|follow us|download (our|the) app|jetzt abonnieren|folgen sie uns|"
                    + "comments are (moderated|closed)|comment policy|kommentare werden moderiert|netiquette|"
                    + "kommentarfunktion|alle rechte vorbehalten|all rights reserved|"
                    + "share (it|this( story| article)?) with (a friend|your friends)|"
                    + "(want|would like|'d like|’d like) to hear (what you think|from you)|"
                    + "(schreib(t|en sie)?|verraten sie|sagen sie).{0,40}(in den|in die) kommentare|"
                    + "(einloggen|anmelden|registrieren|log ?in|sign ?in|iniciar sesión|connecter).{0,40}"
                    + "(kommentieren|diskussion|comment|discussion|comentar)|"
                    + "(nuestro canal de youtube|unseren? youtube-kanal|our youtube channel|notre chaîne youtube)|"
                    + "点击(查看|进入|投票|阅读|关注|下载|这里)|扫码|扫描二维码|二维码关注|关注.{0,12}(公众号|微信|微博)|下载.{0,6}客户端");
    /** A byline without a date: "By Anna Berger and Tom Hale", "Von Anna Berger", "Por María López y Juan Ruiz". */
    private static final Pattern NAMES_BYLINE = Pattern.compile(
            "^(By|BY|Von|VON|Por|POR|Par|PAR|Di|Przez) \\p{Lu}[\\p{L}.'’-]*( \\p{Lu}[\\p{L}.'’-]*){0,3}"
                    + "((,| and| und| y| et| e| i| &) \\p{Lu}[\\p{L}.'’-]*( \\p{Lu}[\\p{L}.'’-]*){0,3})*$");
    /** A wire story's closing credit: "Associated Press writers … contributed to this report." */
    private static final Pattern CONTRIBUTED = Pattern.compile("contributed (to )?(this )?(report|story|article)( from [^.]{2,40})?\\.?$");
    /** A line that is only a byline with a date, or a date with a prefix: publishing metadata. */
    private static final Pattern DATELINE_START = Pattern.compile(
            "(published|updated|posted|last updated|by|aktualisiert|publiziert|zuletzt aktualisiert|veröffentlicht|veröffentlichung|"
                    + "erstellt|eingestellt von|geschrieben von|verfasst von|stand|actualizado|publicado|publié|mis à jour|"
                    + "pubblicato|aggiornato|opublikowano|zaktualizowano)\\b.*");
    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    /** A calendar date with its year: "Nov 19, 2019", "19 November 2019", "2019-11-19", 2019年11月19日. */
    private static final Pattern FULL_DATE = Pattern.compile(
            "\\b" + MONTH + " \\d{1,2},? (19|20)\\d{2}\\b|\\b\\d{1,2} " + MONTH + " (19|20)\\d{2}\\b"
                    + "|\\b(19|20)\\d{2}-\\d{1,2}-\\d{1,2}\\b|(19|20)\\d{2}年\\d{1,2}月\\d{1,2}日");
    private static final Pattern DATE_OR_TIME = Pattern.compile(
            "\\b" + MONTH + " \\d{1,2}\\b|\\b\\d{1,2}:\\d{2}\\b|(19|20)\\d{2}");

    private BoilerplateLine() {}

    /** {@code linkDensity} is the share of the line's characters inside links. */
    static boolean isBoilerplate(String line, double linkDensity) {
        int n = line.length();
        if (n == 0 || n > MAX_PROMO_CHARS) {
            return false;
        }
        String s = line.toLowerCase(Locale.ROOT);
        if (n <= MAX_LABEL_CHARS && LABEL.matcher(s).matches()) {
            return true;
        }
        if (n <= 120 && CREDIT_LINE.matcher(s).lookingAt() || REPRODUCTION.matcher(s).find() || Attribution.isCreditLine(line)) {
            return true;
        }
        if (linkDensity >= 0.3 && TAG_LIST.matcher(s).lookingAt()) {
            return true;
        }
        if (linkDensity >= 0.4 && LEAD_IN.matcher(s).lookingAt()) {
            return true;
        }
        // a whole paragraph that is one link, with no sentence around it, is a headline pointing elsewhere;
        // a bare address is a citation, though
        if (linkDensity >= 0.9 && !endsSentence(s) && !s.startsWith("http") && !s.startsWith("www.")) {
            return true;
        }
        if (n <= MAX_LABEL_CHARS * 2 && NAMES_BYLINE.matcher(line.strip()).matches() || CONTRIBUTED.matcher(s).find()) {
            return true;
        }
        if (n <= MAX_LABEL_CHARS * 2 && CaptionDetector.isAgencyCredit(s)) {
            return true;
        }
        if (PROMO_START.matcher(s).lookingAt() || PROMO_ANYWHERE.matcher(s).find()) {
            return true;
        }
        return n <= MAX_DATELINE_CHARS && isDateline(s);
    }

    private static boolean endsSentence(String s) {
        char last = s.charAt(s.length() - 1);
        return last == '.' || last == '。' || last == '!' || last == '?' || last == '！' || last == '？';
    }

    /**
     * "Published 11:34 PM EST Nov 19, 2019", "By admin - 2018-09-16", "Monday November 18, 2019 7:45 am PST by …".
     * An embedded post's attribution ("— Name (@handle) November 18, 2019") is part of the quote, not metadata.
     */
    private static boolean isDateline(String s) {
        if (s.startsWith("—") || s.indexOf('@') >= 0) {
            return false;
        }
        if (endsSentence(s) && !s.endsWith(".m.")) {
            return false;
        }
        if (DATELINE_START.matcher(s).matches()) {
            return DATE_OR_TIME.matcher(s).find();
        }
        // Chinese runs without spaces: a short line is all a bare date line can be
        boolean fewWords = s.indexOf(' ') >= 0 ? s.split("\\s+").length <= 10 : s.length() <= 25;
        return fewWords && FULL_DATE.matcher(s).find();
    }
}
