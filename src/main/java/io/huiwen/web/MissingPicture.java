package io.huiwen.web;

import java.nio.charset.StandardCharsets;

/**
 * What a reader sees where an outlet's picture could not be fetched: a quiet grey frame with a
 * picture sign and 图片暂时无法显示, instead of the browser's broken-image icon. Sent as the body of
 * the 502 (and of the 503 while the fetch is still under way), which browsers draw like any image;
 * its viewBox stretches to whatever size the page gave the picture.
 */
final class MissingPicture {

    static final String CONTENT_TYPE = "image/svg+xml;charset=UTF-8";

    static final byte[] SVG = ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 160\" preserveAspectRatio=\"xMidYMid meet\""
            + " role=\"img\" aria-label=\"图片暂时无法显示\">"
            + "<rect width=\"240\" height=\"160\" fill=\"#e8e8e4\"/>"
            + "<rect x=\"96\" y=\"44\" width=\"48\" height=\"36\" rx=\"3\" fill=\"none\" stroke=\"#767670\" stroke-width=\"3\"/>"
            + "<path d=\"M100 76l12-14 9 9 6-6 13 11z\" fill=\"#767670\"/><circle cx=\"132\" cy=\"53\" r=\"4\" fill=\"#767670\"/>"
            + "<text x=\"120\" y=\"112\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"14\" fill=\"#55554f\">图片暂时无法显示</text>"
            + "</svg>").getBytes(StandardCharsets.UTF_8);

    private MissingPicture() {}
}
