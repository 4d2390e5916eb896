package io.huiwen.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * A reader's query string as a Lucene query: words are all required, "quoted phrases" match in
 * order, -word excludes. Title matches weigh most, then tags, then body and source. Never throws
 * on malformed input: what cannot be parsed is read as plain words.
 */
final class ReaderQuery {

    private static final Map<String, Float> FIELDS = Map.of(
            LuceneSearchIndex.TITLE, 3f, LuceneSearchIndex.TAGS, 2f,
            LuceneSearchIndex.BODY, 1f, LuceneSearchIndex.SOURCE, 1f);
    private static final int FLAGS = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR | SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS;

    private final Analyzer analyzer;

    ReaderQuery(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Query parse(String input) {
        String cleaned = clean(input);
        if (cleaned.isBlank()) {
            return new MatchNoDocsQuery("empty query");
        }
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, FIELDS, FLAGS);
        parser.setDefaultOperator(Occur.MUST);
        Query q = parser.parse(cleaned);
        return q == null ? new MatchNoDocsQuery("nothing searchable") : q;
    }

    /** Full-width spaces and quotes to ASCII, control characters out, unbalanced quotes closed. */
    static String clean(String input) {
        if (input == null) {
            return "";
        }
        String s = input.replace('\u3000', ' ').replace('“', '"').replace('”', '"').replace('＂', '"')
                .replace('－', '-').replaceAll("[\\p{Cntrl}]", " ").strip();
        if (s.chars().filter(c -> c == '"').count() % 2 == 1) {
            s = s + '"';
        }
        return s;
    }
}
