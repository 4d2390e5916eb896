package io.huiwen.text;

import java.util.regex.Pattern;

/**
 * What stands before an article's first real sentence and is no part of the story: the original
 * headline a portal keeps when it retitles (（原标题：…）), where-you-are lines (您所在的位置：首页 >
 * …), an editor's preface (【编前语】…), credit lines (责编：…, 来源：…, 图/…, …/摄) and the tail of a
 * sentence whose start was cut off. The list excerpt starts after it.
 */
final class Preamble {

    /** A whole paragraph that is not the story's prose. */
    private static final Pattern NOT_PROSE = Pattern.compile(
            "^(?:[（(\\[【]?\\s*原标题[:：]"                                     // the headline the story first ran under
            + "|(?:您(?:现在)?所在的?位置|当前位置|所在位置|位置)\\s*[:：]"         // breadcrumb
            + "|.{0,12}首页\\s*[>›»/]"                                          // 首页 > 快讯 > …
            + "|【\\s*(?:编前语|编者按|编者的话|编后语|导语|提要|摘要)\\s*】"          // an editor's preface
            + "|[（(\\[【]?\\s*(?:责任编辑|责编|编辑|主编|审核|校对|监制|策划|作者|记者|来源|出处|稿源|通讯员|实习生|摄影|图片|图|文|视频)\\s*[:：/|丨]"
            + "|(?:图片来源|图片|图源|题图|配图|资料图)[:：]"
            + "|(?:点击|扫描|扫码|长按).{0,12}(?:关注|订阅|二维码|收听|观看|阅读)"            // calls to act before the story
            + ")");
    /** A line that credits a picture: 李明/摄, 视觉中国 资料, 图/pixabay. */
    private static final Pattern PHOTO_CREDIT = Pattern.compile("^.{0,20}(?:/\\s*摄|摄影|供图|资料图|视觉中国.{0,6}|图虫创意|图源网络|图片来源.*)$");
    /** （原标题：…） before the first sentence, in the same paragraph. */
    private static final Pattern LEADING_ORIGINAL_TITLE = Pattern.compile("^[（(]\\s*原标题[:：][^）)]*[）)]\\s*");
    /** Characters no sentence starts with: the paragraph opens mid-sentence. */
    private static final String CONTINUATION = "，,、；;：:。.！!？?）)」』】”’…";

    private Preamble() {}

    /** An editor's or a picture's credit line, wherever it stands: 责编：…, （责任编辑：…）, 李明/摄. */
    private static final Pattern CREDIT = Pattern.compile(
            "^[（(\\[【]?\\s*(?:责任编辑|责编|编辑|主编|审核|校对|监制)\\s*[:：]");

    /** Whether the paragraph as a whole stands before the story (or is a credit line). */
    static boolean isPreamble(String paragraph) {
        return NOT_PROSE.matcher(paragraph).find() || isCredit(paragraph);
    }

    /** Whether the paragraph credits an editor or a picture: never excerpt text, wherever it stands. */
    static boolean isCredit(String paragraph) {
        return paragraph.length() <= 60 && CREDIT.matcher(paragraph).find()
                || paragraph.length() <= 40 && PHOTO_CREDIT.matcher(paragraph).matches();
    }

    /** The paragraph from its first real sentence: a leading original headline and a cut-off sentence tail removed. */
    static String fromFirstSentence(String paragraph) {
        String p = LEADING_ORIGINAL_TITLE.matcher(paragraph).replaceFirst("");
        if (!p.isEmpty() && CONTINUATION.indexOf(p.charAt(0)) >= 0) {
            int end = firstSentenceEnd(p);
            p = end < 0 ? "" : p.substring(end + 1).strip();
        }
        return p;
    }

    private static int firstSentenceEnd(String p) {
        for (int i = 1; i < p.length(); i++) {
            if ("。！？!?；;".indexOf(p.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
