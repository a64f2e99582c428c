package io.hotline.command.notify;

import io.hotline.command.policy.ConfiguredSatisfactionScale;
import io.hotline.kernel.cases.Satisfaction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The notifications' small rules: quiet hours, back-off, the reply's gist, the digits, reading an SMS. */
class NotificationRulesTest {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final QuietHours QUIET = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), CITY);

    @Test
    void quietHoursHoldAMessageUntilEightInTheMorningInTheCitysZone() {
        Instant lateEvening = Instant.parse("2026-11-23T14:30:00Z"); // 22:30 in Shanghai
        assertThat(QUIET.heldUntil(lateEvening)).contains(Instant.parse("2026-11-24T00:00:00Z"));
        Instant earlyMorning = Instant.parse("2026-11-23T21:00:00Z"); // 05:00 on the 24th
        assertThat(QUIET.heldUntil(earlyMorning)).contains(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(QUIET.heldUntil(Instant.parse("2026-11-24T00:00:00Z"))).isEmpty(); // 08:00 sharp
        assertThat(QUIET.heldUntil(Instant.parse("2026-11-23T12:59:00Z"))).isEmpty(); // 20:59
        assertThat(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, CITY).heldUntil(lateEvening)).isEmpty();
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheLongestWait() {
        NotificationSettings settings = settings(Duration.ofSeconds(10), Duration.ofMinutes(1));
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.backoff(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoff(50)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theReplysGistMasksNumbersAndStaysShort() {
        assertThat(CitizenNotifications.gist("已联系张先生 13800138000，幸福路 128 号路灯已修复"))
                .isEqualTo("已联系张先生 ***，幸福路 *** 号路灯已修复");
        assertThat(CitizenNotifications.gist("一".repeat(40))).hasSize(CitizenNotifications.GIST_LENGTH + 1).endsWith("…");
    }

    @Test
    void theDigitsFollowTheScaleInUse() {
        SatisfactionDigits five = new SatisfactionDigits(ConfiguredSatisfactionScale.fiveLevel());
        assertThat(five.invitation()).isEqualTo("1非常满意 2满意 3基本满意 4不满意 5非常不满意");
        assertThat(five.level('5')).contains(Satisfaction.VERY_DISSATISFIED);
        assertThat(five.level('6')).isEmpty();
        assertThat(five.solved(Satisfaction.BASICALLY_SATISFIED)).isTrue();
        SatisfactionDigits three = new SatisfactionDigits(ConfiguredSatisfactionScale.threeLevel());
        assertThat(three.invitation()).isEqualTo("1满意 2基本满意 3不满意");
        assertThat(three.level('3')).contains(Satisfaction.DISSATISFIED);
        assertThat(three.level('4')).isEmpty();
    }

    @Test
    void anSmsIsReadLeniently() {
        assertThat(InboundText.read(" 1 ")).isEqualTo(new InboundText(InboundText.Kind.DIGIT, '1', null));
        assertThat(InboundText.read("１")).isEqualTo(new InboundText(InboundText.Kind.DIGIT, '1', null));
        assertThat(InboundText.read("20261123-000001 2"))
                .isEqualTo(new InboundText(InboundText.Kind.DIGIT, '2', "20261123000001"));
        assertThat(InboundText.read("3，20261123-000001"))
                .isEqualTo(new InboundText(InboundText.Kind.DIGIT, '3', "20261123000001"));
        assertThat(InboundText.read("td").kind()).isEqualTo(InboundText.Kind.OPT_OUT);
        assertThat(InboundText.read("退订。").kind()).isEqualTo(InboundText.Kind.OPT_OUT);
        assertThat(InboundText.read("订阅").kind()).isEqualTo(InboundText.Kind.OPT_IN);
        assertThat(InboundText.read("还行吧").kind()).isEqualTo(InboundText.Kind.OTHER);
        assertThat(InboundText.read("12").kind()).isEqualTo(InboundText.Kind.OTHER);
        assertThat(InboundText.read(null).kind()).isEqualTo(InboundText.Kind.UNREADABLE);
        assertThat(InboundText.read("很".repeat(InboundText.LONGEST + 1)).kind()).isEqualTo(InboundText.Kind.UNREADABLE);
        assertThat(InboundText.read("1\u0000").kind()).isEqualTo(InboundText.Kind.UNREADABLE);
    }

    @Test
    void aTemplateIsRenderedWithItsPlaceholdersAndNothingElse() {
        assertThat(MessageTexts.render("编号{caseNumber}，{unknown}查询码{queryCode}",
                Map.of("caseNumber", "20261123-000001", "queryCode", "AB$2\\")))
                .isEqualTo("编号20261123-000001，查询码AB$2\\");
    }

    @Test
    void everyTemplateMustBeConfigured() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NotificationSettings(true, Map.of("help", "x"),
                        "s", "", LocalTime.of(21, 0), LocalTime.of(8, 0), Duration.ofSeconds(2), Duration.ofSeconds(30),
                        Duration.ofSeconds(1), Duration.ofSeconds(1), 3, new NotificationSettings.Webhook("", "", Duration.ofMinutes(5))))
                .hasMessageContaining("app.notifications.templates.registered");
        assertThat(Optional.of(settings(Duration.ofSeconds(1), Duration.ofSeconds(1)).template(NotificationTemplate.HELP)))
                .contains("help");
    }

    static NotificationSettings settings(Duration firstRetry, Duration maxRetry) {
        Map<String, String> templates = new java.util.HashMap<>();
        for (NotificationTemplate template : NotificationTemplate.values()) {
            templates.put(template.key(), template.key());
        }
        return new NotificationSettings(true, templates, "s", "", LocalTime.of(21, 0), LocalTime.of(8, 0),
                Duration.ofSeconds(2), Duration.ofSeconds(30), firstRetry, maxRetry, 8,
                new NotificationSettings.Webhook("", "", Duration.ofMinutes(5)));
    }
}
