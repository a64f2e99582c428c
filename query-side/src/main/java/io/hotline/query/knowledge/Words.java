package io.hotline.query.knowledge;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Text as the words the figures group unanswered titles by (similar wording), without a segmenter: each run of
 * Han characters becomes its overlapping pairs of characters (停水通知 → 停水, 水通, 通知; a lone character stays
 * itself), which is how Lucene's CJK analyzer indexes Chinese without a dictionary; each run of Latin letters or
 * digits is one word, in lower case. Punctuation and spaces separate.
 */
public final class Words {

    private Words() {
    }

    public static Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        StringBuilder han = new StringBuilder();
        StringBuilder latin = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(point -> {
            if (Character.UnicodeScript.of(point) == Character.UnicodeScript.HAN) {
                flushLatin(latin, words);
                han.appendCodePoint(point);
            } else if (Character.isLetterOrDigit(point)) {
                flushHan(han, words);
                latin.appendCodePoint(point);
            } else {
                flushHan(han, words);
                flushLatin(latin, words);
            }
        });
        flushHan(han, words);
        flushLatin(latin, words);
        return words;
    }

    private static void flushHan(StringBuilder run, Set<String> words) {
        int[] points = run.codePoints().toArray();
        if (points.length == 1) {
            words.add(run.toString());
        }
        for (int i = 0; i + 1 < points.length; i++) {
            words.add(new String(points, i, 2));
        }
        run.setLength(0);
    }

    private static void flushLatin(StringBuilder run, Set<String> words) {
        if (!run.isEmpty()) {
            words.add(run.toString());
            run.setLength(0);
        }
    }
}
