package io.huiwen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes page dumps (the format of {@code src/main/resources/demo/articles}) of made-up news:
 * each with its own title and a body drawn at random from a word list, so no two are duplicates
 * or near-duplicates of each other; each has a breadcrumb naming a category, so it is published.
 * The same seed writes the same pages. Also run by bench/crash-drill.sh, bench/import-rate.sh and
 * bench/import.sh: {@code GeneratedPages DIR COUNT [SEED] [html|small-html]}; with {@code html} each
 * page is written as a portal's HTML page of a real portal's size ({@link GeneratedPortalPage}, about
 * 100 KB) instead, the same article in it; {@code small-html} writes the same article in a lean page
 * of a few kilobytes (navigation, breadcrumb, byline, paragraphs, a related list, footer).
 */
public final class GeneratedPages {

    static final List<String> CATEGORIES = List.of("财经", "科技", "社会", "国际", "体育", "文化");
    static final List<String> PLACES = List.of("东江市", "西坪镇", "南湖区", "北山县", "青石港", "云岭乡", "白沙湾", "金川市",
            "临水县", "石桥镇", "海门区", "松原市", "梧桐县", "长宁镇", "红河口", "翠屏区");
    static final List<String> SUBJECTS = List.of("制造业", "新能源汽车", "储能电池", "跨境电商", "冷链物流", "智慧农业",
            "人工智能", "数据中心", "城市更新", "养老服务", "乡村旅游", "马拉松赛事", "青少年足球", "非遗传承", "博物馆",
            "民营企业", "集成电路", "生物医药", "港口航运", "社区医院", "职业教育", "低空经济", "文创市场", "电竞产业");
    static final List<String> ACTIONS = List.of("迎来新进展", "订单增长明显", "推出新举措", "试点扩大", "投资提速",
            "完成首批交付", "吸引各地游客", "获得政策支持", "走出新路子", "举行启动仪式", "交出亮眼成绩单", "面临新挑战");
    static final List<String> WORDS = List.of("记者", "获悉", "今年以来", "同比增长", "负责人", "介绍", "企业", "项目",
            "市场", "需求", "政策", "居民", "服务", "技术", "升级", "改造", "平台", "合作", "产业链", "供应链", "订单",
            "生产线", "研发", "团队", "投入", "效率", "成本", "价格", "消费", "出口", "园区", "工厂", "农户", "学校",
            "医院", "社区", "志愿者", "游客", "观众", "比赛", "选手", "教练", "展览", "文物", "演出", "图书馆", "设备",
            "数字化", "绿色", "低碳", "创新", "人才", "资金", "贷款", "基础设施", "交通", "物流", "仓储", "网点",
            "海外", "客户", "品牌", "质量", "标准", "安全", "监管", "调查", "数据", "指数", "预期", "信心", "回升",
            "放缓", "稳定", "扩张", "转型", "试点", "推广", "覆盖", "建设", "运营", "维护", "培训", "就业", "收入");

    private GeneratedPages() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: GeneratedPages DIR COUNT [SEED] [html|small-html]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        if (args.length > 3 && args[3].equals("html")) {
            write(dir, count, seed, "html", GeneratedPages::portalHtml);
        } else if (args.length > 3 && args[3].equals("small-html")) {
            writeHtml(dir, count, seed);
        } else {
            write(dir, count, seed);
        }
    }

    /** Writes the same articles as {@link #write} as HTML pages named {@code 00001.html}…; returns their titles in order. */
    public static List<String> writeHtml(Path dir, int count, long seed) {
        return write(dir, count, seed, "html", GeneratedPages::html);
    }

    /** A page dump laid out as a portal serves an article page, at a portal's size: see {@link GeneratedPortalPage}. */
    static String portalHtml(String dump, Random r) {
        String[] blocks = dump.split("\n\n");
        String crumb = blocks[1].substring(blocks[1].indexOf('>') + 1).replace(">", "").strip();
        List<String> paragraphs = java.util.Arrays.stream(blocks, 4, blocks.length).map(String::strip).filter(p -> !p.isEmpty()).toList();
        return GeneratedPortalPage.html(blocks[2], crumb, blocks[3].strip(), paragraphs, r);
    }

    /** A page dump laid out as a lean article page of a few kilobytes: its lines become breadcrumb, title, byline and paragraphs. */
    static String html(String dump, Random r) {
        String[] blocks = dump.split("\n\n");
        // blocks: site name, breadcrumb line, title, byline, paragraphs…
        String crumb = blocks[1].substring(blocks[1].indexOf('>') + 1).replace(">", "").strip();
        String title = blocks[2];
        var b = new StringBuilder(dump.length() * 2 + 2048);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n<title>").append(title)
                .append(" - 汇闻</title>\n<meta name=\"viewport\" content=\"width=device-width\">\n")
                .append("<link rel=\"stylesheet\" href=\"/static/site.css\">\n</head>\n<body>\n")
                .append("<header class=\"top\"><a href=\"/\">汇闻</a><ul class=\"nav\">");
        for (String c : CATEGORIES) {
            b.append("<li><a href=\"/c/").append(c.hashCode() & 0xffff).append("\">").append(c).append("</a></li>");
        }
        b.append("</ul></header>\n<div class=\"crumb\">当前位置:<a href=\"/\">首页</a> &gt; <a href=\"/c/x\">").append(crumb)
                .append("</a> &gt;</div>\n<div class=\"main\"><article>\n<h1>").append(title).append("</h1>\n<div class=\"info\">")
                .append(blocks[3].strip()).append("</div>\n<div class=\"content\">\n");
        for (int p = 4; p < blocks.length; p++) {
            if (!blocks[p].isBlank()) {
                b.append("<p>").append(blocks[p].strip()).append("</p>\n");
            }
        }
        b.append("</div></article>\n<aside class=\"related\"><h3>相关阅读</h3><ul>");
        for (int k = 0; k < 6; k++) {
            b.append("<li><a href=\"/a/").append(r.nextInt(100000)).append("\">").append(pick(r, PLACES)).append(pick(r, SUBJECTS))
                    .append(pick(r, ACTIONS)).append("</a></li>");
        }
        b.append("</ul></aside></div>\n<footer><p>汇闻 · 聚合天下新闻</p><p><a href=\"/about\">关于我们</a> | <a href=\"/contact\">联系我们</a></p>")
                .append("</footer>\n<script src=\"/static/site.js\"></script>\n</body></html>\n");
        return b.toString();
    }

    /** Writes {@code count} pages named {@code 00001.txt}… into {@code dir}; returns their titles in order. */
    public static List<String> write(Path dir, int count, long seed) {
        return write(dir, count, seed, "txt", (dump, r) -> dump);
    }

    /** Writes each page dump, in the form {@code as} gives it, to {@code 0000N.<extension>}. */
    private static List<String> write(Path dir, int count, long seed, String extension,
                                      java.util.function.BiFunction<String, Random, String> as) {
        try {
            Files.createDirectories(dir);
            var titles = new java.util.ArrayList<String>(count);
            for (int i = 1; i <= count; i++) {
                Random r = new Random(seed * 1_000_003L + i);
                String title = title(r, i);
                titles.add(title);
                Files.writeString(dir.resolve(String.format("%05d.%s", i, extension)), as.apply(page(r, title, i), r));
            }
            return titles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The place and subject vary; the number keeps every title distinct. */
    static String title(Random r, int i) {
        return pick(r, PLACES) + pick(r, SUBJECTS) + pick(r, ACTIONS) + " 第" + i + "期观察";
    }

    static String page(Random r, String title, int i) {
        var b = new StringBuilder();
        b.append("汇闻 · 聚合天下新闻\n\n当前位置:首页 > ").append(pick(r, CATEGORIES)).append(" >\n\n");
        b.append(title).append("\n\n");
        b.append(String.format("日期:2026-%02d-%02d %02d:%02d 来源:汇闻生成稿编辑:测试%d%n%n",
                1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), i % 97));
        int paragraphs = 4 + r.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
            b.append(paragraph(r)).append("\n\n");
        }
        return b.toString();
    }

    /** Sentences of random words: two pages share few word runs, so their fingerprints lie far apart. */
    static String paragraph(Random r) {
        var b = new StringBuilder();
        int sentences = 2 + r.nextInt(3);
        for (int s = 0; s < sentences; s++) {
            b.append(pick(r, PLACES));
            int words = 8 + r.nextInt(10);
            for (int w = 0; w < words; w++) {
                b.append(r.nextInt(6) == 0 ? pick(r, SUBJECTS) : pick(r, WORDS));
                if (r.nextInt(9) == 0) {
                    b.append(r.nextInt(1000)).append(r.nextBoolean() ? "万元" : "%");
                }
                if (w > 0 && w % 6 == 0) {
                    b.append('，');
                }
            }
            b.append('。');
        }
        return b.toString();
    }

    private static String pick(Random r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
