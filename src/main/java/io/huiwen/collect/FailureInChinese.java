package io.huiwen.collect;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed poll means, in 简体中文, for the admin pages: the one place a stored reason
 * ({@link FetchFailureReason#code()}, kept as it is in the database and the API) and its English
 * message become the words an editor reads. The message's particulars (the host, the status, the
 * address) are kept; its English is not shown.
 */
public final class FailureInChinese {

    private static final Pattern HOST = Pattern.compile("cannot resolve (\\S+)");
    private static final Pattern STATUS = Pattern.compile("HTTP (\\d{3})");
    private static final Pattern TLS = Pattern.compile("(?i)ssl|tls|certificate|pkix|handshake");

    private FailureInChinese() {}

    /** The reason alone: {@code dns_failed} → 无法解析域名. An unknown code is shown as it is. */
    public static String reason(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        FetchFailureReason reason;
        try {
            reason = FetchFailureReason.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "抓取失败（" + code + "）";
        }
        return switch (reason) {
            case ROBOTS_DISALLOWED -> "robots.txt 不允许抓取";
            case ROBOTS_UNAVAILABLE -> "robots.txt 暂时打不开，整个网站延后抓取";
            case BLOCKED_ADDRESS -> "地址指向内部网络，已拒绝";
            case BAD_URL -> "网址无效";
            case DNS_FAILED -> "无法解析域名";
            case CONNECT_FAILED -> "无法连接服务器";
            case TIMEOUT -> "请求超时";
            case TOO_LARGE -> "内容太大，超过上限";
            case EMPTY_RESPONSE -> "服务器返回了空内容";
            case NOT_TEXT -> "返回的不是网页或文本（图片、PDF 或压缩包）";
            case BROKEN_COMPRESSION -> "压缩数据损坏";
            case TOO_MANY_REDIRECTS -> "重定向次数太多";
            case HTTP_4XX -> "服务器拒绝请求（HTTP 4xx）";
            case HTTP_404 -> "页面不存在（HTTP 404）";
            case HTTP_5XX -> "服务器出错（HTTP 5xx）";
            case HTTP_429 -> "请求太频繁，被服务器限流（HTTP 429）";
            case BAD_FEED -> "不是有效的 RSS/Atom 订阅源";
            case NOT_AN_ARTICLE -> "页面里找不到文章正文";
            case IO_ERROR -> "网络读写出错";
        };
    }

    /**
     * The reason with what its message says in particular: {@code dns_failed} with
     * "cannot resolve example.cn" → 无法解析域名 example.cn; an HTTP failure names its status; a
     * connection that failed on its certificate or TLS handshake says so.
     */
    public static String describe(String code, String message) {
        String text = reason(code);
        if (text.isEmpty() || message == null) {
            return text;
        }
        Matcher host = HOST.matcher(message);
        if ("dns_failed".equals(code) && host.find()) {
            return text + " " + host.group(1);
        }
        Matcher status = STATUS.matcher(message);
        if (code.startsWith("http_") && status.find()) {
            return text.replaceFirst("（HTTP [0-9x]+）$", "") + "（HTTP " + status.group(1) + "）";
        }
        if (("io_error".equals(code) || "connect_failed".equals(code)) && TLS.matcher(message).find()) {
            return "TLS 加密连接失败（证书无效或握手出错）";
        }
        return text;
    }
}
