package io.hotline.command.notify;

import io.hotline.kernel.citizen.QueryCodes;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a notification's text from its template at the moment of sending. The query code is computed here
 * (it is never stored), the invitation lists the scale in use; a placeholder with no value reads as empty.
 */
class MessageTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final NotificationSettings settings;
    private final QueryCodes queryCodes;
    private final SatisfactionDigits digits;

    MessageTexts(NotificationSettings settings, QueryCodes queryCodes, SatisfactionDigits digits) {
        this.settings = settings;
        this.queryCodes = queryCodes;
        this.digits = digits;
    }

    String text(Notification notification) {
        return render(settings.template(notification.template()), values(notification));
    }

    String subject(Notification notification) {
        return render(settings.emailSubject(), values(notification));
    }

    private Map<String, String> values(Notification notification) {
        Map<String, String> values = new HashMap<>(notification.parameters());
        values.put("caseNumber", notification.caseNumber() == null ? "" : notification.caseNumber());
        values.put("queryCode", queryCodes.codeFor(notification.caseId()));
        values.put("trackUrl", settings.publicBaseUrl() + "/track");
        values.put("scale", digits.invitation());
        return values;
    }

    static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(text, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(text);
        return text.toString();
    }
}
