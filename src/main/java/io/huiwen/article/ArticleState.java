package io.huiwen.article;

/** Where an article stands: on the portal, or waiting for an editor (article.status). */
public enum ArticleState {
    PUBLISHED("published"),
    REVIEW("review");

    private final String sql;

    ArticleState(String sql) {
        this.sql = sql;
    }

    /** The value in article.status. */
    public String sql() {
        return sql;
    }

    /** The value quoted for a SQL statement ({@code 'published'}); states are ours, never a reader's input. */
    public String literal() {
        return "'" + sql + "'";
    }

    public static ArticleState ofSql(String value) {
        for (ArticleState state : values()) {
            if (state.sql.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("no article state '" + value + "'");
    }
}
