package io.huiwen;

import java.util.List;
import java.util.Random;

/**
 * An article laid out as a Chinese news portal serves it, at the size portals serve it: the article
 * is a few kilobytes, the page around it a hundred or more (the Chinese pages of the evaluation set
 * have a median of about 170 KB, the others about 100 KB). Around the article: head metadata, a style
 * sheet and configuration scripts inline, a channel menu with sub-channels, a ranking and a picture
 * column, related and recommended teasers, a comment box, partner links, the legal footer and the
 * tracking scripts. All of it is made up here from the generator's word lists, so the pages are
 * the project's own; the same Random gives the same page.
 */
final class GeneratedPortalPage {

    private static final List<String> CHANNELS = List.of("要闻", "国内", "国际", "财经", "科技", "汽车", "房产", "教育", "健康",
            "体育", "娱乐", "文化", "旅游", "时尚", "军事", "评论", "视频", "图片", "专题", "直播");
    private static final String HOST = "https://www.huiwen-portal.cn";

    private GeneratedPortalPage() {}

    /** The page; {@code crumb} names the article's category, {@code byline} is its date/source line, {@code paragraphs} its text. */
    static String html(String title, String crumb, String byline, List<String> paragraphs, Random r) {
        var b = new StringBuilder(160_000);
        head(b, title, paragraphs.get(0), r);
        b.append("<body class=\"article-page\">\n<div id=\"topbar\" class=\"topbar\"><div class=\"w1200\">");
        links(b, r, 12, "top-link", false);
        b.append("<a class=\"login\" href=\"").append(HOST).append("/passport/login\">登录</a></div></div>\n");
        b.append("<header class=\"header\"><div class=\"w1200\"><a class=\"logo\" href=\"/\"><img src=\"").append(HOST)
                .append("/static/img/logo.png\" alt=\"汇闻\"></a><form class=\"search\" action=\"/search\"><input name=\"q\" ")
                .append("placeholder=\"搜索新闻\"><button type=\"submit\">搜索</button></form></div>\n<nav class=\"nav\"><ul>");
        for (String channel : CHANNELS) {
            b.append("<li class=\"nav-item\"><a href=\"").append(HOST).append("/c/").append(Math.abs(channel.hashCode()) % 9000)
                    .append("/\">").append(channel).append("</a><div class=\"sub-nav\">");
            links(b, r, 12, "sub-link", false);
            b.append("</div></li>");
        }
        b.append("</ul></nav></header>\n<div class=\"w1200 main-wrap\"><div class=\"left-col\">\n");
        b.append("<div class=\"crumb\">当前位置:<a href=\"/\">首页</a> &gt; <a href=\"/c/x\">").append(crumb).append("</a> &gt; 正文</div>\n");
        b.append("<article class=\"article\">\n<h1 class=\"article-title\">").append(title).append("</h1>\n<div class=\"info\">")
                .append(byline).append("</div>\n<div class=\"share\"><span>分享到：</span><a class=\"wx\" href=\"javascript:;\">微信</a>")
                .append("<a class=\"wb\" href=\"javascript:;\">微博</a><a class=\"qq\" href=\"javascript:;\">QQ空间</a></div>\n")
                .append("<div class=\"content\" id=\"content\">\n");
        for (int p = 0; p < paragraphs.size(); p++) {
            b.append("<p>").append(paragraphs.get(p)).append("</p>\n");
            if (p == 1) {
                b.append("<p class=\"pic\"><img src=\"").append(HOST).append("/upload/2026/").append(r.nextInt(900_000) + 100_000)
                        .append(".jpg\" alt=\"\"></p>\n");
            }
        }
        b.append("</div>\n<div class=\"editor\">责任编辑：").append(pick(r, GeneratedPages.PLACES).substring(0, 2)).append("</div>\n")
                .append("</article>\n<div class=\"statement\">声明：本站转载的文章仅代表作者观点，不代表本站立场。</div>\n");
        column(b, r, "related", "相关阅读", 10);
        feed(b, r, 24);
        b.append("<div class=\"comment-box\" id=\"comment\"><h3>网友评论</h3><textarea placeholder=\"文明上网，理性发言\"></textarea>")
                .append("<button>发表评论</button><p class=\"comment-count\">已有").append(r.nextInt(500)).append("人参与</p></div>\n");
        b.append("</div>\n<aside class=\"right-col\">\n");
        column(b, r, "rank", "热点排行", 10);
        b.append("<div class=\"pic-news\"><h3>图片新闻</h3><ul>");
        for (int k = 0; k < 8; k++) {
            b.append("<li><a href=\"").append(HOST).append("/p/").append(r.nextInt(1_000_000)).append(".html\"><img src=\"").append(HOST)
                    .append("/upload/thumb/").append(r.nextInt(1_000_000)).append(".jpg\" alt=\"\"><span>").append(teaser(r))
                    .append("</span></a></li>");
        }
        b.append("</ul></div>\n");
        column(b, r, "topic", "专题推荐", 8);
        b.append("<div class=\"ad\" id=\"ad-right-").append(r.nextInt(100)).append("\"><iframe src=\"").append(HOST)
                .append("/ad/slot.html?id=").append(r.nextInt(10_000)).append("\" width=\"300\" height=\"250\"></iframe></div>\n");
        b.append("</aside></div>\n<footer class=\"footer\"><div class=\"friend-links\"><span>友情链接：</span>");
        links(b, r, 40, "friend", true);
        b.append("</div><div class=\"footer-nav\">");
        for (String c : List.of("关于我们", "联系我们", "广告服务", "网站地图", "招聘信息", "法律声明", "隐私政策", "意见反馈")) {
            b.append("<a href=\"").append(HOST).append("/about/").append(Math.abs(c.hashCode()) % 100).append(".html\">").append(c).append("</a> | ");
        }
        b.append("</div><p>Copyright © 2026 汇闻 版权所有 未经授权禁止转载、摘编、复制或建立镜像</p><p>互联网新闻信息服务许可证：")
                .append(10_000_000 + r.nextInt(89_999_999)).append(" 备案号：示例ICP备").append(r.nextInt(99_999_999)).append("号</p></footer>\n");
        scripts(b, r, 22);
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void head(StringBuilder b, String title, String description, Random r) {
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n<title>").append(title)
                .append(" - 汇闻</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"keywords\" content=\"").append(pick(r, GeneratedPages.SUBJECTS)).append(',')
                .append(pick(r, GeneratedPages.SUBJECTS)).append("\">\n<meta name=\"description\" content=\"")
                .append(description, 0, Math.min(description.length(), 80)).append("\">\n<meta property=\"og:type\" content=\"article\">\n")
                .append("<meta property=\"og:title\" content=\"").append(title).append("\">\n");
        for (int k = 0; k < 6; k++) {
            b.append("<link rel=\"stylesheet\" href=\"").append(HOST).append("/static/css/").append(Integer.toHexString(r.nextInt()))
                    .append(".css\">\n");
        }
        b.append("<style>\n");
        for (int k = 0; k < 90; k++) { // a template's own style rules: selectors, sizes and colours
            b.append(".m").append(r.nextInt(1000)).append(" .").append(pick(r, List.of("item", "title", "list", "box", "hd", "bd", "pic", "txt")))
                    .append("{margin:").append(r.nextInt(30)).append("px ").append(r.nextInt(30)).append("px;padding:").append(r.nextInt(20))
                    .append("px;font-size:").append(12 + r.nextInt(12)).append("px;color:#").append(Integer.toHexString(0x100000 + r.nextInt(0xefffff)))
                    .append(";line-height:").append(16 + r.nextInt(20)).append("px}\n");
        }
        b.append("</style>\n");
        scripts(b, r, 4);
        b.append("</head>\n");
    }

    /** Inline scripts as templates carry them: page configuration, ad slots and tracking, a few kilobytes each. */
    private static void scripts(StringBuilder b, Random r, int count) {
        for (int k = 0; k < count; k++) {
            b.append("<script>\n(function (w, d) {\n  var conf = {channel: \"").append(pick(r, CHANNELS)).append("\", pageId: ")
                    .append(r.nextInt(1_000_000)).append(", slots: [");
            for (int s = 0; s < 12; s++) {
                b.append(s == 0 ? "" : ", ").append("{id: \"s").append(r.nextInt(100_000)).append("\", w: ").append(100 + r.nextInt(900))
                        .append(", h: ").append(50 + r.nextInt(500)).append('}');
            }
            b.append("]};\n  function load(src, done) { var s = d.createElement(\"script\"); s.async = true; s.src = src; ")
                    .append("s.onload = done; d.getElementsByTagName(\"head\")[0].appendChild(s); }\n")
                    .append("  for (var i = 0; i < conf.slots.length; i++) { if (conf.slots[i].w > ").append(r.nextInt(1000))
                    .append(") { load(\"").append(HOST).append("/js/slot.js?id=\" + conf.slots[i].id, function () {}); } }\n")
                    .append("  w.__page_").append(k).append(" = conf;\n})(window, document);\n</script>\n");
        }
    }

    /** The endless list under an article: a picture, a headline, a summary and its channel and time for each story. */
    private static void feed(StringBuilder b, Random r, int items) {
        b.append("<div class=\"feed-list\" id=\"feed\">\n  <h3 class=\"feed-hd\">为你推荐</h3>\n  <ul class=\"feed-bd\">\n");
        for (int k = 0; k < items; k++) {
            String href = HOST + "/a/2026/" + r.nextInt(1_000_000) + ".html";
            b.append("    <li class=\"feed-item clearfix\" data-id=\"").append(r.nextInt(100_000_000)).append("\" data-pos=\"").append(k)
                    .append("\">\n      <div class=\"feed-pic\"><a href=\"").append(href).append("\" target=\"_blank\"><img class=\"lazy\" ")
                    .append("data-src=\"").append(HOST).append("/upload/thumb/").append(r.nextInt(1_000_000)).append(".jpg\" alt=\"\"></a></div>\n")
                    .append("      <div class=\"feed-txt\">\n        <h4><a href=\"").append(href).append("\" target=\"_blank\">").append(teaser(r))
                    .append("</a></h4>\n        <p class=\"feed-summary\">").append(GeneratedPages.paragraph(r), 0, 40)
                    .append("…</p>\n        <div class=\"feed-meta\"><span class=\"feed-channel\">").append(pick(r, CHANNELS))
                    .append("</span><span class=\"feed-time\">").append(1 + r.nextInt(59)).append("分钟前</span><span class=\"feed-cmt\">")
                    .append(r.nextInt(999)).append("评</span></div>\n      </div>\n    </li>\n");
        }
        b.append("  </ul>\n</div>\n");
    }

    /** A column of teaser links under a heading. */
    private static void column(StringBuilder b, Random r, String name, String heading, int items) {
        b.append("<div class=\"").append(name).append("\"><h3>").append(heading).append("</h3><ul>");
        for (int k = 0; k < items; k++) {
            b.append("<li><span class=\"num\">").append(k + 1).append("</span><a href=\"").append(HOST).append("/a/2026/")
                    .append(r.nextInt(1_000_000)).append(".html\" target=\"_blank\">").append(teaser(r)).append("</a><span class=\"time\">")
                    .append(String.format("%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))).append("</span></li>");
        }
        b.append("</ul></div>\n");
    }

    private static void links(StringBuilder b, Random r, int count, String cls, boolean outlets) {
        for (int k = 0; k < count; k++) {
            b.append("<a class=\"").append(cls).append("\" href=\"").append(HOST).append("/c/").append(r.nextInt(100_000))
                    .append("/\" target=\"_blank\">").append(outlets ? pick(r, GeneratedPages.PLACES) + "新闻网"
                            : pick(r, GeneratedPages.SUBJECTS)).append("</a>");
        }
    }

    private static String teaser(Random r) {
        return pick(r, GeneratedPages.PLACES) + pick(r, GeneratedPages.SUBJECTS) + pick(r, GeneratedPages.ACTIONS);
    }

    private static String pick(Random r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
