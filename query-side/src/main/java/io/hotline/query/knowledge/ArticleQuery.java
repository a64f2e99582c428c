package io.hotline.query.knowledge;

import io.hotline.query.fulltext.ChineseAnalysis;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a caller said, as the query of the {@link LuceneArticleMatcher}: built here from analysed terms, never by
 * a query parser, so {@code AND}, {@code *}, {@code "} or {@code :} typed by an operator are only characters.
 * <p>
 * The text is cut into dictionary words ({@link ChineseAnalysis#words}), each looked for as the phrase of its Han
 * bigrams (the analysis the articles are indexed with) in the question, in the keywords and synonyms, and in the
 * answer. An article is offered when a word of the text is one of its keywords or synonyms (or inside one), or
 * when at least two words of the text are in its question (one, when the text has only one word so far): one
 * common word such as 怎么 or 办理 shared with a question is not a match. The answer only ranks: an operator's
 * words in a long answer say little about what the article is for. Keywords and synonyms weigh most, the question
 * next. A keyword of one character is found inside a longer word of the text (税 in 退税), as the editors expect of
 * a keyword. The area (an article's area is a prefix of the caller's) and the day are filters, not scored.
 */
final class ArticleQuery {

    static final String ID = "id";
    static final String QUESTION = "question";
    static final String KEYWORDS = "keywords";
    static final String ANSWER = "answer";
    static final String AREA = "area";
    static final String FROM = "from";
    static final String UNTIL = "until";

    static final float KEYWORD_WEIGHT = 3f;
    static final float QUESTION_WEIGHT = 2f;
    static final float ANSWER_WEIGHT = 0.5f;
    /** A few dozen words say what a call is about; more would only slow a match (and reach Lucene's clause cap). */
    static final int MAX_WORDS = 48;
    static final int MAX_CHARACTERS = 128;

    private ArticleQuery() {
    }

    /** The words of the text a query is built from (distinct, the title's first), lone Han characters apart. */
    record Said(List<String> words, Set<String> characters) {

        static Said of(String text) {
            List<String> words = new ArrayList<>();
            Set<String> characters = new LinkedHashSet<>();
            if (text == null || text.isBlank()) {
                return new Said(words, characters);
            }
            for (String word : new LinkedHashSet<>(ChineseAnalysis.words(text))) {
                if (!ChineseAnalysis.loneHan(word) && words.size() < MAX_WORDS) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
            text.codePoints()
                    .filter(point -> Character.UnicodeScript.of(point) == Character.UnicodeScript.HAN)
                    .distinct().limit(MAX_CHARACTERS)
                    .forEach(point -> characters.add(Character.toString(point)));
            return new Said(words, characters);
        }
    }

    /** The query for {@code said} among the articles for {@code area} in force on {@code day}; null: nothing to ask. */
    static Query of(Said said, String area, LocalDate day) {
        BooleanQuery.Builder keywords = new BooleanQuery.Builder();
        BooleanQuery.Builder question = new BooleanQuery.Builder();
        BooleanQuery.Builder answer = new BooleanQuery.Builder();
        int words = 0;
        for (String word : said.words()) {
            List<String> grams = ChineseAnalysis.terms(ChineseAnalysis.bigrams(), QUESTION, word);
            if (grams.isEmpty()) {
                continue;
            }
            keywords.add(phrase(KEYWORDS, grams), Occur.SHOULD);
            question.add(phrase(QUESTION, grams), Occur.SHOULD);
            answer.add(phrase(ANSWER, grams), Occur.SHOULD);
            words++;
        }
        if (!said.characters().isEmpty()) {
            // a one-character keyword is indexed as itself (no pair to make): any Han character of the text finds it
            keywords.add(new ConstantScoreQuery(new TermInSetQuery(KEYWORDS,
                    said.characters().stream().map(BytesRef::new).toList())), Occur.SHOULD);
        }
        if (words == 0 && said.characters().isEmpty()) {
            return null;
        }
        BooleanQuery.Builder eligible = new BooleanQuery.Builder()
                .add(new BoostQuery(keywords.build(), KEYWORD_WEIGHT), Occur.SHOULD);
        if (words > 0) {
            question.setMinimumNumberShouldMatch(Math.min(2, words));
            eligible.add(new BoostQuery(question.build(), QUESTION_WEIGHT), Occur.SHOULD);
        }
        eligible.setMinimumNumberShouldMatch(1);
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(eligible.build(), Occur.MUST);
        if (words > 0) {
            query.add(new BoostQuery(answer.build(), ANSWER_WEIGHT), Occur.SHOULD);
        }
        int today = Math.toIntExact(day.toEpochDay());
        return query
                .add(new TermInSetQuery(AREA, prefixes(area)), Occur.FILTER)
                .add(IntPoint.newRangeQuery(FROM, Integer.MIN_VALUE, today), Occur.FILTER)
                .add(IntPoint.newRangeQuery(UNTIL, today, Integer.MAX_VALUE), Occur.FILTER)
                .build();
    }

    /** The caller's area and every area above it (3706 above 370602): an article for any of them applies. */
    static List<BytesRef> prefixes(String area) {
        List<BytesRef> prefixes = new ArrayList<>();
        for (int length = 1; length <= area.length(); length++) {
            prefixes.add(new BytesRef(area.substring(0, length)));
        }
        return prefixes;
    }

    private static Query phrase(String field, List<String> grams) {
        return grams.size() == 1 ? new TermQuery(new Term(field, grams.get(0)))
                : new PhraseQuery(field, grams.toArray(String[]::new));
    }
}
