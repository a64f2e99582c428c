package io.hotline.query.audit.history;

import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseResolvedAtIntake;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.DeadlineWarningRaised;
import io.hotline.kernel.cases.PersonalDataRevealed;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a history says of an event: who did what to which case, and never the citizen's personal data. */
class SentencesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Sentences sentences = new Sentences(SHANGHAI);

    @Test
    void aRegistrationReadsAsTheExampleAndNamesNoPersonalData() {
        Actor operator = Actor.of("op-li", "HOTLINE", Role.OPERATOR);
        CaseRegistered registered = new CaseRegistered("c-1", "20261123-000001", "r-1", Channel.HOTLINE,
                Category.COMPLAINT, Urgency.NORMAL, "路灯不亮", "门口路灯坏了，电话 13800138000",
                new Citizen("张三", "13800138000", "110101199003071234"), "370602", operator,
                Instant.parse("2026-11-23T01:00:00Z"));

        Sentence sentence = sentences.of(registered, "20261123-000001");

        assertThat(sentence.zh()).startsWith("话务员 op-li（HOTLINE）受理了诉求 20261123-000001：路灯不亮");
        assertThat(sentence.en()).startsWith("Operator op-li (HOTLINE) registered case 20261123-000001: 路灯不亮");
        assertThat(sentence.toString()).doesNotContain("张三").doesNotContain("13800138000")
                .doesNotContain("110101199003071234");
    }

    @Test
    void theSystemAndStandInsAreNamedAsSuch() {
        Sentence warning = sentences.of(new DeadlineWarningRaised("c-1", DeadlineKind.SIGN_FOR, "WATER",
                Instant.parse("2026-11-24T01:00:00Z"), Actor.SYSTEM, Instant.parse("2026-11-23T08:00:00Z")), "N-1");
        assertThat(warning.zh()).isEqualTo("系统对 WATER 的签收时限发出预警（2026-11-24 09:00 到期）");
        assertThat(warning.en()).startsWith("The system warned WATER");

        Actor standIn = new Actor("au-b", "HOTLINE", "au-a", Set.of(Role.AUDITOR, Role.SUPERVISOR));
        Sentence reveal = sentences.of(new PersonalDataRevealed("c-1", "核查 13800138000 的身份", standIn,
                Instant.parse("2026-11-23T02:00:00Z")), "N-1");
        assertThat(reveal.zh()).isEqualTo("督办员 au-b（HOTLINE，代 au-a）查看了诉求 N-1 诉求人的个人信息，事由：核查 *** 的身份");
        assertThat(reveal.en()).startsWith("Supervisor au-b (HOTLINE, standing in for au-a) was shown");
    }

    @Test
    void anAnswerAtIntakeNamesTheArticleAndVersionItWasReadFrom() {
        Actor operator = Actor.of("op-li", "HOTLINE", Role.OPERATOR);
        Instant at = Instant.parse("2026-11-23T01:00:00Z");

        Sentence cited = sentences.of(new CaseResolvedAtIntake("c-1", "明早八点恢复供水，咨询 13800138000", operator, at,
                "art-7", 3), "N-1");
        assertThat(cited.zh()).isEqualTo("话务员 op-li（HOTLINE）依据知识条目 art-7（第 3 版）当场答复并直接办结了诉求 N-1："
                + "明早八点恢复供水，咨询 ***");
        assertThat(cited.en()).isEqualTo("Operator op-li (HOTLINE) answered case N-1 at intake from knowledge article "
                + "art-7 (version 3) and resolved it: 明早八点恢复供水，咨询 ***");

        Sentence plain = sentences.of(new CaseResolvedAtIntake("c-1", "已当场解答", operator, at), "N-1");
        assertThat(plain.zh()).isEqualTo("话务员 op-li（HOTLINE）当场答复并直接办结了诉求 N-1：已当场解答");
        assertThat(plain.en()).isEqualTo("Operator op-li (HOTLINE) answered case N-1 at intake and resolved it: 已当场解答");
    }
}
