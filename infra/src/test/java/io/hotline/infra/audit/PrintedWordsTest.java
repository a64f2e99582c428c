package io.hotline.infra.audit;

import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.DeadlineWarningRaised;
import io.hotline.kernel.cases.PersonalDataRevealed;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the audit tools print: sentences, scrubbing of numbers, HTML escaping and the CSV's cells. */
class PrintedWordsTest {

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
    void numbersAreScrubbedButCaseNumbersAndDatesStay() {
        assertThat(PersonalDataScrub.text("来电 +86 138-0013-8000，身份证 11010119900307123X"))
                .isEqualTo("来电 ***，身份证 ***");
        assertThat(PersonalDataScrub.text("并入 20261123-000001，预计 2026-11-30 完成，共 3 处"))
                .isEqualTo("并入 20261123-000001，预计 2026-11-30 完成，共 3 处");

        Document stored = Document.parse("{\"title\":\"t\",\"citizen\":{\"name\":\"张三\",\"phone\":\"13800138000\","
                + "\"idNumber\":\"110101199003071234\"}}");
        Document shown = PersonalDataScrub.payload(stored);
        assertThat(shown.get("citizen", Document.class).getString("phone")).isEqualTo("138****8000");
        assertThat(shown.get("citizen", Document.class).getString("idNumber")).isEqualTo("110***********1234");
        assertThat(stored.get("citizen", Document.class).getString("phone")).isEqualTo("13800138000");
    }

    @Test
    void htmlEscapesEverythingItIsGiven() {
        String page = Html.document("<title>").element("p", "x\"y", "<script>alert('1')</script>&").finish();
        assertThat(page).contains("<title>&lt;title&gt;</title>")
                .contains("<p class=\"x&quot;y\">&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt;&amp;</p>")
                .doesNotContain("<script");
    }

    @Test
    void theCsvOpensInExcelAndRunsNoFormulas() {
        BulletinFigures.UnitFigures line = new BulletinFigures.UnitFigures("=HYPERLINK(\"x\")", 2,
                new BulletinFigures.Rate(1, 2), new BulletinFigures.Rate(0, 0), 1, new BulletinFigures.Rate(1, 1),
                new BulletinFigures.Rate(1, 1), new BulletinFigures.Rate(0, 1), 0, 65.0, 1, Set.of("response"));
        byte[] csv = new BulletinExport(SHANGHAI).csv(new BulletinFigures.Bulletin(LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30), Map.of(), Map.of(), "", List.of(line)));

        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).startsWith("排名 Rank,单位 Unit");
        assertThat(lines.get(1)).isEqualTo("1,\"'=HYPERLINK(\"\"x\"\")\",2,50.0,,1,100.0,100.0,0.0,0,65.0,response");
    }
}
