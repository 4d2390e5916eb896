package io.huiwen.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Video and audio players (iframe, video, audio, embed, object) cannot be republished, but the
 * reader should still find them: each becomes a marked figure holding a link to the player, which
 * the body reader turns into a link paragraph. Players without an http(s) address are dropped.
 */
final class MediaEmbeds {

    /** The attribute that marks such a figure; its value is the label shown (视频, 音频, 内嵌内容). */
    static final String MARK = "data-huiwen-embed";

    private MediaEmbeds() {}

    static void keepAsLinks(Document doc) {
        for (Element e : doc.select("iframe[src], embed[src], object[data], video, audio")) {
            String url = address(e);
            String label = label(e);
            if (url == null || label == null) {
                continue; // an ad or widget frame: the junk pass removes it
            }
            Element figure = new Element("figure").attr(MARK, label);
            figure.appendElement("a").attr("href", url);
            e.replaceWith(figure);
        }
    }

    private static String address(Element e) {
        String url = switch (e.normalName()) {
            case "object" -> e.absUrl("data");
            case "video", "audio" -> {
                String own = e.absUrl("src");
                Element source = e.selectFirst("source[src]");
                yield !own.isEmpty() ? own : source == null ? "" : source.absUrl("src");
            }
            default -> e.absUrl("src");
        };
        return url.startsWith("http://") || url.startsWith("https://") ? url : null;
    }

    /** 视频 or 音频; null for a frame that is not a player (ads, share buttons, comment widgets). */
    private static String label(Element e) {
        String tag = e.normalName();
        String src = (e.attr("src") + " " + e.attr("data")).toLowerCase(java.util.Locale.ROOT);
        if (tag.equals("audio") || src.matches(".*(audio|music|podcast|soundcloud|spotify|ximalaya|\\.mp3|\\.m4a).*")) {
            return "音频";
        }
        if (tag.equals("video") || src.matches(".*(video|player|youtube|youku|bilibili|v\\.qq|vimeo|ixigua|\\.mp4|\\.m3u8).*")) {
            return "视频";
        }
        return null;
    }
}
