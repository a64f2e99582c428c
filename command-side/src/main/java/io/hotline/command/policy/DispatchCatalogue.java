package io.hotline.command.policy;

import io.hotline.kernel.common.Category;

import java.util.Optional;

/**
 * 派单目录: which unit usually leads a category of request in an area, so dispatch can propose it. The operator
 * may choose another; the override is recorded.
 */
public interface DispatchCatalogue {

    Optional<String> propose(Category category, String area);
}
