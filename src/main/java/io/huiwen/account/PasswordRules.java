package io.huiwen.account;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** What a username and a password must be, with the reason in 简体中文 when they are not. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    /** BCrypt reads at most 72 bytes: a longer password would be cut without a word. */
    public static final int MAX_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    private PasswordRules() {}

    /** The username, stripped, or an {@link AccountProblem} saying what a username may be. */
    public static String username(String name) {
        String n = name == null ? "" : name.strip();
        if (!USERNAME.matcher(n).matches()) {
            throw AccountProblem.invalid("用户名须为 3–32 个字符，以小写字母开头，只含小写字母、数字、点（.）、下划线（_）或连字符（-）");
        }
        return n;
    }

    /** Refuses a password shorter than {@value #MIN_LENGTH} characters or longer than {@value #MAX_BYTES} bytes. */
    public static String password(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw AccountProblem.invalid("密码至少需要 " + MIN_LENGTH + " 个字符");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw AccountProblem.invalid("密码最长 " + MAX_BYTES + " 字节（约 72 个英文字符或 24 个汉字）");
        }
        if (password.isBlank()) {
            throw AccountProblem.invalid("密码不能全是空白");
        }
        return password;
    }
}
