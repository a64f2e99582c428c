package io.hotline.query.search;

/**
 * The progress notes and replies a case index keeps beside each case's view (the view keeps only the last of
 * each), recorded by {@link CaseIndexProjection} ahead of the view they belong to and written with it.
 */
interface CaseNotes {

    /** Records a progress note or reply of a case at its event's sequence number (the same again is a no-op). */
    void note(String caseId, long sequence, String text);

    /** Forgets notes read for a batch (done, or failed: they are read again with its retry). */
    void forgetNotes();
}
