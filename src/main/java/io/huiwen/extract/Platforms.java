package io.huiwen.extract;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The self-publishing platform a page was posted through (网易号, 百家号, 头条号 …): the accounts
 * there are outlets and writers of their own, and the portal only hosts them. Known from the address
 * (each platform publishes under its own host or path) or from the disclaimer such pages carry
 * ("以上内容为自媒体平台“网易号”用户上传并发布").
 */
final class Platforms {
    private record Place(String host, String pathPrefix, String platform) {}

    private static final List<Place> PLACES = List.of(
            new Place("dy.163.com", "", "网易号"), new Place("163.com", "/dy/", "网易号"),
            new Place("baijiahao.baidu.com", "", "百家号"), new Place("mbd.baidu.com", "", "百家号"),
            new Place("toutiao.com", "", "头条号"), new Place("sohu.com", "/a/", "搜狐号"),
            new Place("mp.weixin.qq.com", "", "微信公众号"), new Place("page.om.qq.com", "", "企鹅号"),
            new Place("ishare.ifeng.com", "", "大风号"));
    private static final String NAMES = "网易号|百家号|头条号|企鹅号|搜狐号|大风号|澎湃号|一点号|微信公众号";
    private static final Pattern DISCLAIMER = Pattern.compile(
            "(?:自媒体平台|平台)?[“\"「]?(" + NAMES + ")[”\"」]?\\s*(?:用户|作者)(?:上传|发布)");

    /** The disclaimer's own words; looked for before the pattern, which would be tried at every character. */
    private static final List<String> DISCLAIMER_WORDS = List.of("用户上传", "用户发布", "作者上传", "作者发布");

    private Platforms() {}

    static String of(String url, Document doc) {
        String byAddress = fromAddress(url);
        if (byAddress != null) {
            return byAddress;
        }
        if (!mayHoldDisclaimer(doc.body())) {
            return null;
        }
        String text = doc.body().text();
        Matcher m = DISCLAIMER.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Whether one of the disclaimer's words occurs in the text nodes read one after another (a word
     * may run over into the next node). Every word of the page's text occurs so, since building the
     * text only collapses whitespace, adds spaces and drops invisible characters; so the page's whole
     * text is built only for pages that may say it.
     */
    private static boolean mayHoldDisclaimer(Element body) {
        String[] tail = {""};
        boolean[] found = {false};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.getWholeText();
                    if (s.indexOf('\u200b') >= 0 || s.indexOf('\u00ad') >= 0) {
                        s = s.replace("\u200b", "").replace("\u00ad", "");
                    }
                    String joined = tail[0] + s;
                    if (joined.indexOf('户') >= 0 || joined.indexOf('者') >= 0) {
                        found[0] = DISCLAIMER_WORDS.stream().anyMatch(joined::contains);
                    }
                    tail[0] = joined.substring(Math.max(0, joined.length() - 3));
                }
                return found[0] ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, body);
        return found[0];
    }

    private static String fromAddress(String url) {
        if (url == null || !url.startsWith("http")) {
            return null;
        }
        try {
            URI u = new URI(url);
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(java.util.Locale.ROOT);
            String path = u.getPath() == null ? "" : u.getPath();
            for (Place p : PLACES) {
                boolean hostMatches = host.equals(p.host()) || host.endsWith("." + p.host());
                if (hostMatches && path.startsWith(p.pathPrefix())) {
                    return p.platform();
                }
            }
        } catch (java.net.URISyntaxException e) {
            return null;
        }
        return null;
    }
}
