package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The site's colours against WCAG 2.1 AA, read from the stylesheet itself: every text colour of a
 * rule that does not paint its own background must read on the page's two backgrounds (white
 * boxes and the grey page), and every colour pair the portal paints together is checked by name.
 */
class ContrastTest {

    static final Path CSS = Path.of("src/main/resources/static/css/site.css");
    static final double NORMAL_TEXT = 4.5;

    static String css() throws IOException {
        return Files.readString(CSS).replaceAll("(?s)/\\*.*?\\*/", "");
    }

    /** The custom properties of :root, e.g. --muted → #595959. */
    static Map<String, String> variables(String css) {
        Matcher root = Pattern.compile(":root\\s*\\{([^}]*)}").matcher(css);
        assertThat(root.find()).isTrue();
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher v = Pattern.compile("(--[\\w-]+)\\s*:\\s*([^;]+);").matcher(root.group(1));
        while (v.find()) {
            vars.put(v.group(1), v.group(2).strip());
        }
        return vars;
    }

    static String resolve(String value, Map<String, String> vars) {
        Matcher m = Pattern.compile("var\\((--[\\w-]+)\\)").matcher(value.strip());
        return m.matches() ? vars.get(m.group(1)) : value.strip();
    }

    /** WCAG relative luminance of #rgb or #rrggbb. */
    static double luminance(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
            c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void theFormulaAgreesWithKnownValues() {
        assertThat(contrast("#000", "#fff")).isCloseTo(21, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("#777", "#fff")).as("the old grey").isLessThan(NORMAL_TEXT);
        assertThat(contrast("#777", "#f6f6f4")).isLessThan(NORMAL_TEXT);
    }

    @Test
    void everyTextColourWithoutItsOwnBackgroundReadsOnWhiteAndOnThePage() throws IOException {
        String css = css();
        Map<String, String> vars = variables(css);
        String page = vars.get("--bg");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        Matcher rule = Pattern.compile("([^{}]+)\\{([^{}]*)}").matcher(css.replaceAll("@media[^{]*\\{", ""));
        Pattern colour = Pattern.compile("(?:^|;)\\s*color\\s*:\\s*([^;]+)");
        while (rule.find()) {
            String selector = rule.group(1).strip(), body = rule.group(2);
            if (selector.startsWith(":root") || body.matches("(?s).*(^|;)\\s*background(-color)?\\s*:.*")) {
                continue;
            }
            Matcher c = colour.matcher(body);
            while (c.find()) {
                String value = resolve(c.group(1), vars);
                if (value == null || !value.startsWith("#") || value.equalsIgnoreCase("#fff") || value.equalsIgnoreCase("#ffffff")) {
                    continue; // inherit, or white text on a coloured parent (checked below)
                }
                checked++;
                for (String background : List.of("#ffffff", page)) {
                    double ratio = contrast(value, background);
                    if (ratio < NORMAL_TEXT) {
                        failures.add(selector + " " + value + " on " + background + " = " + String.format("%.2f", ratio));
                    }
                }
            }
        }
        assertThat(checked).as("text colours read from the stylesheet").isGreaterThan(15);
        assertThat(failures).isEmpty();
    }

    @Test
    void thePairsThePortalPaintsTogetherMeetAa() throws IOException {
        Map<String, String> v = variables(css());
        String white = "#ffffff";
        assertThat(contrast(v.get("--muted"), white)).as("dates, sources, breadcrumbs on white").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--muted"), v.get("--bg"))).as("muted text on the page grey").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--ink"), v.get("--bg"))).isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(white, v.get("--red"))).as("navigation and buttons: white on red").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--red"), white)).as("badges and highlights: red on white").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--link"), white)).as("links in article bodies").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--link"), v.get("--ink"))).as("a link stands out from the text beside it, not by colour alone")
                .isGreaterThan(1.0);
        assertThat(contrast("#555555", "#f3f3f3")).as("captions").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast("#444444", v.get("--bg"))).as("filter labels").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--focus"), white)).as("focus outline, a non-text contrast of 3:1").isGreaterThanOrEqualTo(3);
    }

    @Test
    void linksInArticleBodiesAreUnderlinedAndFocusIsAlwaysVisible() throws IOException {
        String css = css();
        Matcher body = Pattern.compile("(?m)^([^{}\\n]*\\.body a[^{}]*)\\{([^}]*)}").matcher(css);
        boolean underlined = false;
        while (body.find()) {
            if (body.group(1).contains(".related .articles .title") && body.group(2).contains("text-decoration: underline")
                    && body.group(2).contains("color: var(--link)")) {
                underlined = true;
            }
        }
        assertThat(underlined).as("body and related links: link colour and underline").isTrue();
        assertThat(css).containsPattern("(?m)^:focus-visible \\{ outline: 3px solid");
        assertThat(css).doesNotContain("outline: none").doesNotContain("outline: 0");
    }
}
