package io.hotline.query.audit.history;

import java.util.List;

/** A page of a case's history, oldest first, and how long the whole history is. */
record HistoryPage(String caseId, String caseNumber, int page, int size, long total, long totalPages,
                   List<HistoryEntry> events) {
}
