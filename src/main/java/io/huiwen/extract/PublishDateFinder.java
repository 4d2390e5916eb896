package io.huiwen.extract;

import io.huiwen.extract.ExtractedArticle.TimePrecision;
import io.huiwen.extract.PublishDateParser.Dated;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Which date a page gives as its own publish time. The page's printed date (a byline, an element
 * named for the date) and its head metadata are read; when both are there and lie within a day of
 * each other, the printed one wins (metadata is often the time a CMS saved the page, or a date
 * without the time of day the page prints); far apart, the metadata is trusted, since a printed date
 * so far off more likely belongs to something else. Dates in lists of other articles and in readers'
 * comments are never taken.
 * When neither is there: a date split over sibling elements, a full date-time standing alone, a script
 * variable named for the publish time, and last the day in the page's address ({@link UrlDate}) or a
 * relative time ("3小时前") near the title. Nothing found gives null: the fetch time is never a publish time.
 */
final class PublishDateFinder {
    /** Words in a class or id that name a date ("pub" covers "publish"); contains() on the lower-cased names, not a pattern tried at every character. */
    private static final List<String> DATE_NAMES = List.of("time", "date", "pub", "riqi", "shijian");
    private static final Pattern FULL_DATE_TIME =
            Pattern.compile("^\\s*(?:19|20)\\d{2}[-/年.]\\d{1,2}[-/月.]\\d{1,2}日?\\s+\\d{1,2}:\\d{2}(:\\d{2})?\\s*$");
    /** publish_time = "…", "pubDate": "…", var ct = "1581517074": names that say "when published/created". */
    private static final Pattern SCRIPT_DATE = Pattern.compile(
            "[\"']?\\b(publish_?time|publish_?date|pub_?time|pub_?date|publishedAt|published_?at|datePublished|"
                    + "create_?time|created_?at|post_?time|release_?time|ctime|ct)[\"']?\\s*[:=]\\s*[\"']?"
                    + "(\\d{10}(?:\\d{3})?|(?:19|20)\\d{2}[-/年][^\"'<>,;\\n]{3,22})[\"']?",
            Pattern.CASE_INSENSITIVE);
    /** "2022 11-07 13:43": a year printed apart from its month and day. */
    private static final Pattern SPLIT_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s+(\\d{1,2}\\s*[-/.月])");
    private static final int MAX_TEASER_CHARS = 400;
    private static final int MAX_ELEMENTS_UNDER_HEADLINE = 11;
    private static final int MAX_DATE_LINE_CHARS = 80;
    private static final Duration AGREEING = Duration.ofHours(24);
    /** A relative time agrees with the address's day when it falls on that day, in any time zone. */
    private static final Duration URL_DAY = Duration.ofHours(36);

    private PublishDateFinder() {}

    /** {@code url}: the page's address (its canonical one when it gives it); a date in it is the last resort. */
    static Dated find(Document doc, ContentDensity density, String metaDate, String bylineDate, Instant fetchedAt, String url) {
        Dated fromMeta = PublishDateParser.dated(metaDate, fetchedAt);
        if (fromMeta == null) {
            fromMeta = microdataDate(doc); // <span itemprop="datePublished" datetime="…">: metadata in the body
        }
        Dated printed = PublishDateParser.dated(bylineDate, fetchedAt);
        if (printed == null) {
            printed = dateNearTitle(doc, null); // absolute dates first: "3小时前" in a sidebar is not the article's
        }
        if (printed == null) {
            printed = dateUnderHeadline(doc); // "Lübeck, 31. März 2003" in a line of its own under the h1
        }
        if (fromMeta != null && printed != null) {
            Duration apart = Duration.between(fromMeta.time(), printed.time()).abs();
            // the printed time wins, to the minute it gives, over a CMS's time to the second; only a printed day
            // without its time yields to metadata that has the time
            boolean onlyTheDay = printed.precision() == TimePrecision.DAY && fromMeta.precision() != TimePrecision.DAY;
            return apart.compareTo(AGREEING) < 0 && !onlyTheDay ? printed : fromMeta;
        }
        Dated found = fromMeta != null ? fromMeta : printed;
        if (found == null) {
            found = firstShortDateTime(doc, density, fetchedAt);
        }
        if (found == null) {
            found = scriptDate(doc);
        }
        if (found != null) {
            return found;
        }
        Dated fromUrl = UrlDate.of(url, fetchedAt);
        Dated relative = fetchedAt == null ? null : dateNearTitle(doc, fetchedAt);
        // "3小时前" beside the title gives the time of day; the address only the day, and the surer one when they disagree
        if (relative != null && (fromUrl == null || Duration.between(fromUrl.time(), relative.time()).abs().compareTo(URL_DAY) < 0)) {
            return relative;
        }
        return fromUrl;
    }

    /** Pages that print the date without a label keep it in an element named for it: class="time", id="pubtime". */
    private static Dated dateNearTitle(Document doc, Instant fetchedAt) {
        int seen = 0;
        for (Element e : doc.body().select("[class], [id], time")) {
            String names = (e.className() + " " + e.id() + " " + e.normalName()).toLowerCase(Locale.ROOT);
            if (!isDateName(names) || datesAnother(e)) {
                continue;
            }
            if (++seen > 40) {
                break;
            }
            // the machine-readable form of a date the element prints (or leaves to a script to print);
            // "39 mins ago" beside it marks a teaser's time, not the article's
            if (e.normalName().equals("time") && e.hasAttr("datetime")
                    && (e.text().isBlank() || PublishDateParser.dated(e.text(), null) != null)) {
                Dated stated = PublishDateParser.dated(e.attr("datetime"), fetchedAt);
                if (stated != null) {
                    return stated;
                }
            }
            String text = e.ownText().isBlank() ? e.text() : e.ownText();
            if (text.length() <= 60) {
                Dated t = PublishDateParser.dated(text, fetchedAt);
                if (t == null && e.parent() != null && e.parent().text().length() <= 60) {
                    // a date split over siblings (<span>2019</span><span>09-07</span><span>13:43</span>) is whole in its parent
                    t = PublishDateParser.dated(SPLIT_YEAR.matcher(e.parent().text()).replaceFirst("$1-$2"), fetchedAt);
                }
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The page's schema.org microdata: an element marked {@code itemprop="datePublished"}, by its attribute or its text. */
    private static Dated microdataDate(Document doc) {
        for (Element e : doc.select("[itemprop=datePublished]")) {
            if (inReadersThread(e)) {
                continue; // a comment marked up as a schema.org Comment has a datePublished of its own
            }
            for (String value : List.of(e.attr("datetime"), e.attr("content"), e.text())) {
                Dated d = value.isBlank() ? null : PublishDateParser.dated(value.strip(), null);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /**
     * A short line of its own among the first elements after the headline that reads as a whole date:
     * the date line of a template that names it nothing ("article-metadata", a bare {@code <p>}).
     */
    private static Dated dateUnderHeadline(Document doc) {
        Element headline = doc.body().selectFirst("h1");
        if (headline == null) {
            return null;
        }
        int inside = headline.getAllElements().size() - 1; // the headline's own descendants follow it directly
        boolean after = false;
        int seen = 0;
        for (Element e : doc.body().getAllElements()) {
            if (!after) {
                after = e == headline;
                continue;
            }
            if (inside > 0) {
                inside--;
                continue;
            }
            if (++seen > MAX_ELEMENTS_UNDER_HEADLINE) {
                break;
            }
            if (e.ownText().length() > MAX_DATE_LINE_CHARS) {
                break; // the story's prose has begun: a date line stands above it
            }
            String text = e.text().strip();
            if (text.isEmpty() || text.length() > MAX_DATE_LINE_CHARS || !e.children().isEmpty() && e.ownText().isBlank()
                    || datesAnother(e)) {
                continue;
            }
            Dated d = PublishDateParser.dated(text, null);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static boolean isDateName(String lowerNames) {
        for (String word : DATE_NAMES) {
            if (lowerNames.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A date that is not this page's: one in a list of other articles ({@link #inListOfOthers}) or in the
     * readers' comments under the story (a box named for them that does not hold the headline).
     */
    static boolean datesAnother(Element e) {
        return inListOfOthers(e) || inReadersThread(e);
    }

    /** Inside the readers' comments: a box named for them that does not hold the headline. */
    static boolean inReadersThread(Element e) {
        for (Element box = e; box != null && !box.nameIs("body"); box = box.parent()) {
            if (box.attributesSize() > 0 && ChromeRemover.isThreadAfterHeadline(box)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A date in one of several like items, each a short teaser with a link (related reading, most read),
     * dates another article, not this one. (A date inside the link to the page's own permalink, as blogs
     * print it, is the page's.)
     */
    static boolean inListOfOthers(Element e) {
        for (Element item = e.closest("li, article"); item != null && item.parent() != null;
                item = item.parent().closest("li, article")) {
            Element list = item.parent();
            String tag = item.normalName();
            long alike = list.children().stream().filter(c -> c.normalName().equals(tag)).count();
            if (alike >= 3 && item.selectFirst("a[href]") != null && item.text().length() < MAX_TEASER_CHARS) {
                return true;
            }
        }
        return false;
    }

    /** Last resort: the first short text on the page that is a full date with a time ("2019-09-09 16:01:46"). */
    private static Dated firstShortDateTime(Document doc, ContentDensity density, Instant fetchedAt) {
        for (Element e : doc.body().getAllElements()) {
            ContentDensity.Stats s = density.of(e);
            if (s.chars >= 10 && s.chars <= 30 && s.tags <= 3 && FULL_DATE_TIME.matcher(e.text()).find() && !datesAnother(e)) {
                return PublishDateParser.dated(e.text(), fetchedAt);
            }
        }
        return null;
    }

    /** A publish time kept only in a script, as pages that draw their byline with JavaScript do. */
    private static Dated scriptDate(Document doc) {
        for (Element script : doc.select("script:not([src])")) {
            String data = script.data();
            if (data.length() > 300_000) {
                continue;
            }
            Matcher m = SCRIPT_DATE.matcher(data);
            while (m.find()) {
                Dated d = PublishDateParser.dated(m.group(2), null);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }
}
