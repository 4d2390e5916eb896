package io.huiwen.article;

import io.huiwen.extract.ExtractedArticle.Image;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pictures made for the demo articles: each is a small SVG chart drawn from the article's own
 * figures (the percentages its text reports) with its caption, never a third-party image. A demo
 * figure's image is given an address under {@link #PREFIX} (a reserved {@code .invalid} host, so it
 * passes the body sanitizer as an https image and can never be fetched); the image proxy serves
 * such an image by drawing it here, through the same {@code /img/{article}/{n}} path as real images.
 */
public final class DemoPictures {

    public static final String PREFIX = "https://demo-pictures.huiwen.invalid/";
    public static final String CONTENT_TYPE = "image/svg+xml";
    public static final int WIDTH = 640, HEIGHT = 360;
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d)?)%");
    private static final String[] COLOURS = {"#1d5fa8", "#b0413e", "#2e7d4f", "#8a5a00", "#5b3e96"};

    private DemoPictures() {}

    /** The address a demo figure's picture gets: the n-th figure of the article. */
    public static String address(int n) {
        return PREFIX + "figure-" + n + ".svg";
    }

    public static boolean isDemo(String src) {
        return src != null && src.startsWith(PREFIX);
    }

    /** The picture for image {@code index} of the article: its percentages as bars, its caption below. */
    public static byte[] svg(Article article, int index) {
        List<Image> images = article.images();
        String caption = index < images.size() && images.get(index).caption() != null ? images.get(index).caption() : article.title();
        List<Double> values = new ArrayList<>();
        Matcher m = PERCENT.matcher(article.text() == null ? "" : article.text());
        while (m.find() && values.size() < 6) {
            double v = Double.parseDouble(m.group(1));
            if (v > 0 && v <= 100) {
                values.add(v);
            }
        }
        String colour = COLOURS[(int) Math.floorMod(article.title().hashCode() + index, COLOURS.length)];
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\">");
        s.append("<title>").append(xml(caption)).append("</title>");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#f4f1ea\"/>");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"8\" fill=\"").append(colour).append("\"/>");
        int base = 280, top = 50, left = 60, right = WIDTH - 40;
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(base).append("\" x2=\"").append(right).append("\" y2=\"").append(base)
                .append("\" stroke=\"#555\" stroke-width=\"2\"/>");
        if (values.isEmpty()) {
            // no figures to chart: a skyline of the story, heights from its title
            for (int i = 0; i < 8; i++) {
                int h = 40 + Math.floorMod(article.title().hashCode() >> (i * 3), 160);
                int x = left + 10 + i * 62;
                s.append("<rect x=\"").append(x).append("\" y=\"").append(base - h).append("\" width=\"48\" height=\"").append(h)
                        .append("\" fill=\"").append(colour).append("\" opacity=\"").append(i % 2 == 0 ? "0.85" : "0.55").append("\"/>");
            }
        } else {
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(100);
            int slot = (right - left) / values.size();
            for (int i = 0; i < values.size(); i++) {
                double v = values.get(i);
                int h = (int) Math.round((base - top) * v / max);
                int x = left + i * slot + slot / 5;
                int w = slot * 3 / 5;
                s.append("<rect x=\"").append(x).append("\" y=\"").append(base - h).append("\" width=\"").append(w).append("\" height=\"").append(h)
                        .append("\" fill=\"").append(colour).append("\"/>");
                s.append("<text x=\"").append(x + w / 2).append("\" y=\"").append(base - h - 8)
                        .append("\" font-family=\"sans-serif\" font-size=\"18\" text-anchor=\"middle\" fill=\"#222\">")
                        .append(trim(v)).append("%</text>");
            }
        }
        s.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT - 30)
                .append("\" font-family=\"sans-serif\" font-size=\"20\" text-anchor=\"middle\" fill=\"#222\">")
                .append(xml(shorten(caption, 28))).append("</text>");
        s.append("</svg>");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String shorten(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
