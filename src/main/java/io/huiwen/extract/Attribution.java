package io.huiwen.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Who a story is by (作者), which outlet it comes from (来源), who edited it and through which
 * publishing platform it was posted, from every place Chinese pages print them: labelled byline lines
 * (来源：, 本文来源于), credit lines (文/…, 执笔/…, 石佳/中国青年报), the lead's "新京报讯（记者 …）", elements
 * named for the source or author, script variables, {@code <meta>} and JSON-LD. An outlet is never
 * the author, and a platform (网易号, 百家号) is kept apart from the outlet that posted through it.
 */
record Attribution(String source, String author, String editor, String platform) {
    /** "本文来源：新华社", "本文来源于澎湃新闻": a source statement that the labelled byline does not cover. */
    private static final Pattern SOURCE_STATEMENT = Pattern.compile("(?:本文|文章|稿件|信息)来源(?:于|自|[:：])\\s*([^，,。；;\\s]{2,24})");
    /** "文/观察者网专栏作者 王文", "执笔/叨叨姐、胡一刀": a role, a slash, then who. */
    private static final Pattern CREDIT = Pattern.compile("^[【\\[(（]?\\s*(?:文|撰文|执笔|作者|采写|文字)\\s*[/|｜:：]\\s*(.{2,40}?)\\s*[】\\])）]?$");
    /** "观察者网专栏作者 王文", "南都见习记者 林子沛": an outlet, a role, the names. */
    private static final Pattern OUTLET_ROLE = Pattern.compile(
            "^(.{2,12}?)\\s*(?:专栏作者|特约作者|特约评论员|评论员|(?:见习|特约|首席|驻\\S{1,4})?记者|通讯员)\\s*(.{2,30})$");
    /** The lead's dateline: "新京报快讯（记者 裴剑飞）", "本报讯(记者 张三 李四)". */
    private static final Pattern LEAD = Pattern.compile(
            "^(.{2,12}?)(?:快讯|讯|消息)?\\s*[（(]\\s*(?:见习|特约|首席)?记者\\s*([^）)]{2,20})[）)]");
    /** "石佳/中国青年报": a writer and an outlet on one short line under the headline. */
    private static final Pattern NAME_SLASH_OUTLET = Pattern.compile("^([\\p{IsHan}·]{2,6})\\s*/\\s*([^/\\s]{2,16})$");
    private static final Pattern SOURCE_NAMES = Pattern.compile("(^|[-_\\s])(source|media[-_]?name|laiyuan|from|origin)([-_\\s]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTHOR_NAMES = Pattern.compile("(^|[-_\\s])(author|writer|byline)(-?name)?([-_\\s]|$)",
            Pattern.CASE_INSENSITIVE);
    /** A script that assigns the page's source or account: source: '南方都市报', var nickname = "爱否科技". */
    private static final Pattern SCRIPT_SOURCE = Pattern.compile(
            "(source|media_?name|mediaName|nickname|nick_name)[\"']?\\s*[:=]\\s*[\"']([^\"'<>\\n]{2,30})[\"']");
    /** Where {@link #SCRIPT_SOURCE} can start: looked for with indexOf, far cheaper than trying the pattern at every character. */
    private static final List<String> SCRIPT_KEYS = List.of("source", "medianame", "media_name", "mediaName", "nickname", "nick_name");
    /** A line that is only reporters' names after an outlet and role: "澎湃新闻记者 贺梨萍", "南都记者 张三 李四". */
    private static final Pattern REPORTERS = Pattern.compile(
            "^(.{2,12}?)\\s*(?:见习|特约|首席)?记者\\s*([\\p{IsHan}·]{2,4}(?:[\\s、，,]+[\\p{IsHan}·]{2,4}){0,3})$");
    private static final int MAX_LINE_CHARS = 60;

    /** Inline scripts: JSON-LD is read elsewhere. Parsed once; jsoup's evaluators may be shared between threads. */
    private static final Evaluator INLINE_SCRIPTS = Selector.evaluatorOf("script:not([type=application/ld+json])");

    /** {@code density} is of the page as parsed: its character counts tell a wrapper from a line without reading the wrapper's text. */
    static Attribution find(Document doc, ContentDensity density, MetadataReader.PageMetadata meta, BylineParser.Byline byline,
                            String url, String title) {
        String source = OutletName.clean(byline.source());
        String author = OutletName.clean(byline.author());
        String editor = OutletName.clean(byline.editor());
        String platform = Platforms.of(url, doc);
        Map<String, Boolean> sourceClasses = new HashMap<>(); // a portal page repeats a few class names thousands of times
        Map<String, Boolean> authorClasses = new HashMap<>();
        for (Element e : doc.body().getAllElements()) {
            if (hasMoreChildElements(e, 6)) {
                continue;
            }
            int chars = density.of(e).chars;
            if (chars == 0) {
                continue; // only whitespace under it (an image, an icon, a script): no line to read
            }
            // built anew on every call, so read once; without a text child it is empty or a space (for a <br>)
            String ownText = hasTextChild(e) ? e.ownText() : "";
            String own = ownText.strip();
            if (own.length() < 2 && chars > MAX_LINE_CHARS) {
                continue; // a wrapper: its whole text is never one line
            }
            String text = own.length() >= 2 ? own : e.text().strip();
            if (text.length() < 2 || text.length() > MAX_LINE_CHARS) {
                continue;
            }
            if (source == null && text.contains("来源")) { // the statement's own word first: the pattern alone is tried at every character
                Matcher m = SOURCE_STATEMENT.matcher(text);
                source = m.find() ? OutletName.clean(m.group(1)) : null;
            }
            Matcher credit = CREDIT.matcher(text);
            if (author == null && credit.matches()) {
                String who = credit.group(1);
                Matcher role = OUTLET_ROLE.matcher(who);
                if (role.matches()) {
                    source = source == null && OutletName.isOutlet(role.group(1)) ? role.group(1) : source;
                    who = role.group(2);
                }
                author = OutletName.clean(who);
            }
            Matcher reporters = REPORTERS.matcher(text);
            if (author == null && text.contains("记者") && reporters.matches() && OutletName.isOutlet(reporters.group(1))) {
                author = reporters.group(2);
                source = source == null ? reporters.group(1) : source;
            }
            Matcher pair = NAME_SLASH_OUTLET.matcher(text);
            if (text.indexOf('/') >= 0 && pair.matches() && OutletName.isOutlet(pair.group(2)) && !CaptionDetector.isCaption(text)) {
                author = author == null ? pair.group(1) : author;
                source = source == null ? pair.group(2) : source;
            }
            if (source == null && ownText.length() >= 2 && names(e, SOURCE_NAMES, sourceClasses) && e.closest("li") == null
                    && !text.equals(title)
                    && PublishDateParser.parse(text, null) == null) {
                source = OutletName.clean(text);
            }
            if (author == null && ownText.length() >= 2 && names(e, AUTHOR_NAMES, authorClasses) && e.closest("li") == null
                    && PublishDateParser.parse(text, null) == null && !text.contains("：") && !text.contains(":")) {
                author = OutletName.clean(text);
            }
        }
        source = source != null ? source : scriptSource(doc, title);
        source = source != null ? source : OutletName.clean(meta.source());
        String metaAuthor = OutletName.clean(meta.author());
        if (author == null && metaAuthor != null && !OutletName.isPortal(metaAuthor)) {
            author = metaAuthor;
        }
        if (author != null && (OutletName.isOutlet(author) || OutletName.isPortal(author) || author.equals(platform))) {
            // an outlet or a platform account under 作者 is where the story comes from, not who wrote it
            source = source == null && !OutletName.isPortal(author) ? author : source;
            author = null;
        }
        source = source != null ? source : OutletName.clean(meta.publisher());
        if (source != null && source.equals(platform)) {
            source = null;
        }
        return new Attribution(source, author, editor, platform);
    }

    /** A line that only credits the story ("【文/某报专栏作者 王文】", "澎湃新闻记者 张三", "石佳/中国青年报"), not body text. */
    static boolean isCreditLine(String line) {
        String s = line.strip();
        if (s.length() > MAX_LINE_CHARS) {
            return false;
        }
        Matcher reporters = REPORTERS.matcher(s);
        Matcher pair = NAME_SLASH_OUTLET.matcher(s);
        return CREDIT.matcher(s).matches() || reporters.matches() && OutletName.isOutlet(reporters.group(1))
                || pair.matches() && OutletName.isOutlet(pair.group(2));
    }

    /**
     * Fills what is still unknown from the lead's dateline ("新京报快讯（记者 裴剑飞）"): the outlet before it,
     * the reporter inside it. "本报讯" names no outlet.
     */
    Attribution withLead(String bodyText) {
        if (bodyText == null || source != null && author != null) {
            return this;
        }
        Matcher lead = LEAD.matcher(bodyText.strip());
        if (!lead.find()) {
            return this;
        }
        String outlet = lead.group(1).startsWith("本") ? null : OutletName.clean(lead.group(1));
        return new Attribution(source != null ? source : outlet, author != null ? author : OutletName.clean(lead.group(2)),
                editor, platform);
    }

    /** Whether the element's class or id says it is what {@code names} names; class names are judged once per page ({@code byClass}). */
    private static boolean names(Element e, Pattern names, Map<String, Boolean> byClass) {
        if (e.attributesSize() == 0) {
            return false; // most lines carry neither class nor id
        }
        String className = e.className();
        if (!className.isEmpty() && byClass.computeIfAbsent(className, c -> names.matcher(c).find())) {
            return true;
        }
        String id = e.id();
        return !id.isEmpty() && names.matcher(id).find();
    }

    /** The first inline script that names the page's source or posting account (not JSON-LD, read elsewhere). */
    private static String scriptSource(Document doc, String title) {
        for (Element script : doc.select(INLINE_SCRIPTS)) {
            String data = script.data();
            if (data.length() > 200_000) {
                continue;
            }
            TreeSet<Integer> starts = new TreeSet<>();
            for (String key : SCRIPT_KEYS) {
                for (int i = data.indexOf(key); i >= 0; i = data.indexOf(key, i + 1)) {
                    starts.add(i);
                }
            }
            Matcher m = SCRIPT_SOURCE.matcher(data);
            for (int start : starts) {
                char before = start == 0 ? ' ' : data.charAt(start - 1);
                if (Character.isLetterOrDigit(before) || before == '_') {
                    continue; // "resource" is not "source"
                }
                m.region(start, Math.min(data.length(), start + 200));
                if (!m.lookingAt()) {
                    continue;
                }
                String v = OutletName.clean(m.group(2));
                if (v != null && (title == null || !title.contains(v)) && v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                    return v;
                }
            }
        }
        return null;
    }

    /** Whether the element has more than {@code max} child elements; counts without building jsoup's child list. */
    private static boolean hasMoreChildElements(Element e, int max) {
        int count = 0;
        for (int i = 0, n = e.childNodeSize(); i < n; i++) {
            if (e.childNode(i) instanceof Element && ++count > max) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTextChild(Element e) {
        for (int i = 0, n = e.childNodeSize(); i < n; i++) {
            if (e.childNode(i) instanceof TextNode) {
                return true;
            }
        }
        return false;
    }
}
