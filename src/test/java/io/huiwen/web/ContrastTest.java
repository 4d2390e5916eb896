package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    static final String DARK = "@media (prefers-color-scheme: dark)";
    static final String PRINT = "@media print";

    /** The inside of the {@code @media} block that opens with {@code head}, braces matched; empty when there is none. */
    static String block(String css, String head) {
        int start = css.indexOf(head);
        if (start < 0) {
            return "";
        }
        int open = css.indexOf('{', start), depth = 0;
        for (int i = open; i < css.length(); i++) {
            depth += css.charAt(i) == '{' ? 1 : css.charAt(i) == '}' ? -1 : 0;
            if (depth == 0) {
                return css.substring(open + 1, i);
            }
        }
        throw new AssertionError(head + " is never closed");
    }

    /** The stylesheet a screen in light mode applies: without the dark-mode and print blocks. */
    static String light(String css) {
        for (String head : List.of(DARK, PRINT)) {
            String inside = block(css, head);
            if (!inside.isEmpty()) {
                int start = css.indexOf(head);
                css = css.substring(0, start) + css.substring(css.indexOf(inside, start) + inside.length() + 1);
            }
        }
        return css;
    }

    /** The custom properties in dark mode: those of :root, with the dark block's :root over them. */
    static Map<String, String> darkVariables(String css) {
        Map<String, String> vars = variables(css);
        vars.putAll(variables(block(css, DARK)));
        return vars;
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
        String css = light(css());
        Map<String, String> vars = variables(css);
        String page = vars.get("--bg");
        List<String> failures = textColours(css, Set.of(), vars, List.of(vars.get("--paper"), page));
        assertThat(checkedLast).as("text colours read from the stylesheet").isGreaterThan(15);
        assertThat(failures).isEmpty();
    }

    static int checkedLast;

    /**
     * Every text colour of a rule that does not paint its own background, resolved with {@code vars},
     * against each of {@code backgrounds}; rules whose selector is in {@code overridden} are skipped.
     */
    static List<String> textColours(String css, Set<String> overridden, Map<String, String> vars, List<String> backgrounds) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        Matcher rule = Pattern.compile("([^{}]+)\\{([^{}]*)}").matcher(css.replaceAll("@media[^{]*\\{", ""));
        Pattern colour = Pattern.compile("(?:^|;)\\s*color\\s*:\\s*([^;]+)");
        while (rule.find()) {
            String selector = rule.group(1).strip(), body = rule.group(2);
            if (selector.startsWith(":root") || overridden.contains(selector) || body.matches("(?s).*(^|;)\\s*background(-color)?\\s*:.*")) {
                continue;
            }
            Matcher c = colour.matcher(body);
            while (c.find()) {
                String value = resolve(c.group(1), vars);
                if (value == null || !value.startsWith("#") || value.equalsIgnoreCase("#fff") || value.equalsIgnoreCase("#ffffff")) {
                    continue; // inherit, or white text on a coloured parent (checked below)
                }
                checked++;
                for (String background : backgrounds) {
                    double ratio = contrast(value, background);
                    if (ratio < NORMAL_TEXT) {
                        failures.add(selector + " " + value + " on " + background + " = " + String.format("%.2f", ratio));
                    }
                }
            }
        }
        checkedLast = checked;
        return failures;
    }

    @Test
    void thePairsThePortalPaintsTogetherMeetAa() throws IOException {
        Map<String, String> v = variables(css());
        assertThat(v.get("--paper")).isEqualToIgnoringCase("#ffffff");
        pairsMeetAa(v, "light");
    }

    @Test
    void inDarkModeTheGroundsAreDarkTheTextLightAndEveryPairMeetsAa() throws IOException {
        String css = css();
        String dark = block(css, DARK);
        assertThat(dark).as("a dark-mode block in site.css").isNotBlank();
        Map<String, String> v = darkVariables(css);
        assertThat(luminance(v.get("--bg"))).as("dark page").isLessThan(0.05);
        assertThat(luminance(v.get("--paper"))).as("dark boxes").isLessThan(0.05);
        assertThat(luminance(v.get("--ink"))).as("light text").isGreaterThan(0.6);
        pairsMeetAa(v, "dark");
        // every text colour of the light stylesheet, resolved with the dark variables, unless the dark block restyles that rule
        Set<String> restyled = new java.util.HashSet<>();
        Matcher rule = Pattern.compile("([^{}]+)\\{([^{}]*)}").matcher(dark);
        List<String> darkRules = new ArrayList<>();
        while (rule.find()) {
            if (rule.group(2).matches("(?s).*(^|;)\\s*color\\s*:.*")) {
                restyled.add(rule.group(1).strip());
            }
            darkRules.add(rule.group(0));
        }
        List<String> backgrounds = List.of(v.get("--paper"), v.get("--bg"));
        List<String> failures = new ArrayList<>(textColours(light(css), restyled, v, backgrounds));
        int checked = checkedLast;
        failures.addAll(textColours(String.join("\n", darkRules), Set.of(), v, backgrounds));
        assertThat(checked).as("text colours read from the stylesheet").isGreaterThan(15);
        assertThat(failures).as("text that a dark ground would hide").isEmpty();
    }

    @Test
    void theDarkModeCheckFailsForAGreyLeftOnADarkGround() {
        String css = ":root { --bg: #f6f6f4; --paper: #ffffff; }\n.x { color: #555555; }\n" + DARK + " {\n  :root { --bg: #121212; --paper: #1e1e1e; }\n}\n";
        Map<String, String> v = darkVariables(css);
        assertThat(textColours(light(css), Set.of(), v, List.of(v.get("--paper"), v.get("--bg")))).hasSize(2);
        assertThat(textColours(light(css), Set.of(), variables(css), List.of("#ffffff"))).isEmpty();
    }

    static void pairsMeetAa(Map<String, String> v, String mode) {
        String white = "#ffffff", paper = v.get("--paper"), page = v.get("--bg");
        assertThat(contrast(v.get("--muted"), paper)).as(mode + ": dates, sources, breadcrumbs in boxes").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--muted"), page)).as(mode + ": muted text on the page").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--ink"), page)).as(mode + ": text on the page").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--ink"), paper)).as(mode + ": text in boxes").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--ink"), v.get("--chip"))).as(mode + ": tags on their grey").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(white, v.get("--red-fill"))).as(mode + ": navigation and buttons: white on red").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--red"), paper)).as(mode + ": badges and highlights: red in boxes").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--red"), page)).as(mode + ": the brand: red on the page").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--link"), paper)).as(mode + ": links in article bodies").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--link"), v.get("--ink"))).as(mode + ": a link stands out from the text beside it, not by colour alone")
                .isGreaterThan(1.0);
        assertThat(contrast(v.get("--soft"), v.get("--chip"))).as(mode + ": captions").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--soft"), page)).as(mode + ": filter labels").isGreaterThanOrEqualTo(NORMAL_TEXT);
        assertThat(contrast(v.get("--focus"), paper)).as(mode + ": focus outline, a non-text contrast of 3:1").isGreaterThanOrEqualTo(3);
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
