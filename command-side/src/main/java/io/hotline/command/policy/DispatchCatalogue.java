package io.hotline.command.policy;

import io.hotline.kernel.common.Category;

import java.util.Optional;

/**
 * 派单目录: which unit usually leads a category of request in an area, so dispatch can propose it. The operator
 * may choose another; the override is recorded.
 */
public interface DispatchCatalogue {

    /** The unit proposed as lead (主办): the one the case records as the proposal, empty when there is none. */
    Optional<String> propose(Category category, String area);

    /**
     * Both proposals the operator sees: a department (or any unit an entry names) for the category, and the
     * district that serves the area, with the one {@link #propose} answers as {@code lead}. A catalogue without a
     * directory proposes no district.
     */
    default Proposals proposals(Category category, String area) {
        String lead = propose(category, area).orElse(null);
        return new Proposals(lead, lead, null);
    }

    /** The lead proposal and the two it was chosen from; each may be null. */
    record Proposals(String lead, String department, String district) {
    }
}
