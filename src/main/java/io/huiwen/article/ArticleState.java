package io.huiwen.article;

/**
 * Where an article stands (article.status): on the portal, waiting for an editor, or taken down by
 * one (kept with its raw page, off every reader's page, list, feed, search and cache until
 * published again). Readers see only {@link #PUBLISHED}.
 */
public enum ArticleState {
    PUBLISHED("published"),
    REVIEW("review"),
    UNPUBLISHED("unpublished");

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

    /** How the admin names the state. */
    public String label() {
        return switch (this) {
            case PUBLISHED -> "已发布";
            case REVIEW -> "待审核";
            case UNPUBLISHED -> "已下线";
        };
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
