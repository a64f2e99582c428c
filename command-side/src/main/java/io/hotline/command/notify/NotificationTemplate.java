package io.hotline.command.notify;

import java.util.Locale;

/** The messages the citizen gets, each with its text under {@code app.notifications.templates.<key>}. */
public enum NotificationTemplate {
    /** 已受理: the case number, the query code, where to follow the case. */
    REGISTERED,
    /** 已答复: the reply's gist and the invitation to evaluate by one digit. */
    REPLIED,
    /** 重办: the case went back to the unit. */
    REOPENED,
    /** 归档: the case is closed. */
    CLOSED,
    /** 一次性告知: every item the unit needs from the citizen, at once. */
    MATERIALS_REQUESTED,
    /** The answer to an SMS the hotline could not read: how to evaluate, how to opt out. */
    HELP;

    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
