package io.hotline.kernel.cases;

import java.util.List;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Location;
import io.hotline.kernel.common.Urgency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * 受理: log a request as a case. {@code requestId} is the caller's idempotency key (the call id, the web
 * form's submission id): registering the same request again returns the case already registered.
 * {@code location} (null) and {@code mediaUrls} (empty) are optional: when either is given, the case records
 * them with {@link CaseLocated} beside its registration.
 */
public record RegisterCase(
        @TargetAggregateIdentifier String caseId,
        String requestId,
        Channel channel,
        Category category,
        Urgency urgency,
        String title,
        String content,
        Citizen citizen,
        String area,
        Actor actor,
        Location location,
        List<String> mediaUrls) {

    public RegisterCase {
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
    }

    /** A registration with no location and no media, as the operators' intake form makes it. */
    public RegisterCase(String caseId, String requestId, Channel channel, Category category, Urgency urgency,
                        String title, String content, Citizen citizen, String area, Actor actor) {
        this(caseId, requestId, channel, category, urgency, title, content, citizen, area, actor, null, List.of());
    }
}
