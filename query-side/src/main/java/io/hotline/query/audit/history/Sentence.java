package io.hotline.query.audit.history;

/** What one event says in words, in Chinese for the case file and in English for everyone else. */
record Sentence(String zh, String en) {
}
