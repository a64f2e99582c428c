package io.hotline.query.fulltext;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How Chinese text is cut into terms. Two analyzers, each for what it does best (see docs/search.md):
 * <ul>
 *   <li>{@link #bigrams()}: overlapping pairs of Han characters (CJKAnalyzer, no stop words). What the text fields
 *   are indexed with: any word inside a longer one is found (停车 in 停车场, 漏水 in 楼上卫生间漏水), whatever a
 *   dictionary thinks the words are.</li>
 *   <li>{@link #words()}: dictionary words (SmartChineseAnalyzer, HMM over a bundled dictionary). What a reader's
 *   query is cut into, so that each word becomes a phrase of its bigrams: 楼上漏水 means 楼上 and 漏水, not the
 *   pair 上漏 that no document holds.</li>
 * </ul>
 * Both are thread-safe and meant to be shared.
 */
public final class ChineseAnalysis {

    private static final Analyzer BIGRAMS = new CJKAnalyzer(CharArraySet.EMPTY_SET);
    private static final Analyzer WORDS = new SmartChineseAnalyzer();

    private ChineseAnalysis() {
    }

    /** Han bigrams, other scripts as lower-cased words; nothing is a stop word ("AND" is searchable). */
    public static Analyzer bigrams() {
        return BIGRAMS;
    }

    /** Dictionary words (Smart Chinese); punctuation dropped. */
    public static Analyzer words() {
        return WORDS;
    }

    /** The terms {@code analyzer} makes of {@code text} for {@code field}, in order. */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /**
     * The words of a reader's text as they wrote them (the original characters of each dictionary word, not its
     * stemmed or lower-cased term), in order: what a query is built from. Single Han characters written next to
     * each other are joined again: the segmenter cuts a short text it has no context for (路灯 alone becomes 路,
     * 灯), and the reader meant them together.
     */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = WORDS.tokenStream("", text)) {
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int lastEnd = -1;
            boolean lastLone = false;
            while (stream.incrementToken()) {
                String word = text.substring(offsets.startOffset(), offsets.endOffset());
                boolean lone = loneHan(word);
                if (lone && lastLone && offsets.startOffset() == lastEnd) {
                    words.set(words.size() - 1, words.get(words.size() - 1) + word);
                } else {
                    words.add(word);
                }
                lastLone = lone;
                lastEnd = offsets.endOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** One Han character alone. */
    public static boolean loneHan(String word) {
        return word.codePointCount(0, word.length()) == 1
                && Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HAN;
    }
}
