using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Events;
using GenomDE.Orleans.Grains.Cases;
using GenomDE.Orleans.Grains.Events;

namespace GenomDE.Orleans.Tests.Events;

/// <summary>Which events a change of a case means, who hears of them, and that an event keeps its
/// ID however often it is published.</summary>
public sealed class CaseEventsTests
{
    private const string Key = "111111111:CASE-1";
    private static readonly DateTimeOffset At = new(2025, 7, 1, 10, 0, 0, TimeSpan.Zero);

    private static SubmissionView Genomic(string tan = "t1", bool mv = true) =>
        new(tan, DataCategory.Genomic, SubmissionType.Initial, "GRZTST001", new DateOnly(2025, 7, 1), Indication.Rare, CoverageType.Gkv, LibraryType.Wgs,
            new ConsentSnapshot(mv, true), SubmissionStatus.Submitted, null, null, null, null, "digest", At);

    private static CaseView Case(CaseStatus status, params SubmissionView[] submissions) =>
        new("111111111", "CASE-1", status, submissions, [new CaseEvent(At, "registered", null, "provider:111111111")]);

    private static List<string> Types(IEnumerable<EventDraft> drafts) => [.. drafts.Select(d => $"{d.Thing}.{d.What}")];

    [Fact]
    public void Registration_concerns_the_le_only()
    {
        var draft = Assert.Single(CaseEvents.Between(Key, null, Case(CaseStatus.Registered)));

        Assert.Equal(("case", "registered", Key), (draft.Thing, draft.What, draft.Subject));
        Assert.Equal(["provider:111111111"], draft.Audience);
    }

    [Fact]
    public void Each_node_step_is_one_event_for_the_le_and_the_receiving_node()
    {
        var submitted = Genomic();
        var received = submitted with { Status = SubmissionStatus.Received };
        var passed = received with { Status = SubmissionStatus.QcPassed, BasicQc = new BasicQcOutcome(true, null, null), DetailedQcSelected = true };

        Assert.Equal(["case.submission_accepted"], Types(CaseEvents.Between(Key, Case(CaseStatus.Registered), Case(CaseStatus.DataTransferred, submitted))));
        Assert.Equal(["case.data_received"], Types(CaseEvents.Between(Key, Case(CaseStatus.DataTransferred, submitted), Case(CaseStatus.DataTransferred, received))));
        var qc = CaseEvents.Between(Key, Case(CaseStatus.DataTransferred, received), Case(CaseStatus.DataTransferred, passed));
        Assert.Equal(["case.basic_qc_reported", "case.detailed_qc_selected"], Types(qc));
        Assert.All(qc, d => Assert.Equal(["provider:111111111", "node:GRZTST001"], d.Audience));
        Assert.Equal("true", qc[0].Data["passed"]);
    }

    [Fact]
    public void A_report_names_its_confirmation_and_no_content_of_the_submission()
    {
        var before = Genomic() with { Status = SubmissionStatus.QcPassed, BasicQc = new BasicQcOutcome(true, null, null) };
        var report = new CheckReport(new DateOnly(2025, 7, 1), SubmissionType.Initial, "t1", "111111111", "GRZTST001", Indication.Rare, DataCategory.Genomic,
            LibraryType.Wgs, CoverageType.Gkv, true);
        var after = before with { Status = SubmissionStatus.Reported, Report = report, Confirmation = new ConfirmationOutcome("ABCDEFGHJK", null) };

        var draft = Assert.Single(CaseEvents.Between(Key, Case(CaseStatus.QcPassed, before), Case(CaseStatus.Confirmed, after)));

        Assert.Equal("case.check_report_accepted", $"{draft.Thing}.{draft.What}");
        Assert.Equal("ABCDEFGHJK", draft.Data["confirmationCode"]);
        Assert.DoesNotContain("digest", draft.Data.Values);
        Assert.Equal(["caseKey", "confirmationCode", "dataCategory", "nodeId", "qcPassed", "status", "tan"], draft.Data.Keys.Order());
    }

    [Fact]
    public void A_submission_without_the_previous_permit_is_a_consent_revocation()
    {
        var first = Genomic("t1");
        var second = Genomic("t2", mv: false);

        var drafts = CaseEvents.Between(Key, Case(CaseStatus.DataTransferred, first), Case(CaseStatus.Withdrawn, first, second));

        Assert.Equal(["case.submission_accepted", "case.consent_revoked"], Types(drafts));
        Assert.Equal("mv_sequencing", drafts[1].Data["revoked"]);
    }

    [Fact]
    public void A_refused_contradicting_report_is_an_event_for_the_le_and_the_node_naming_the_fields()
    {
        var submitted = Case(CaseStatus.DataTransferred, Genomic());
        var traced = submitted with { History = [.. submitted.History, new CaseEvent(At, CaseEvents.MismatchPrefix + "$.SubmittedCase.libraryType", "t1", "gdc:GRZTST001")] };

        var draft = Assert.Single(CaseEvents.Between(Key, submitted, traced));

        Assert.Equal(("check_report_mismatched", "t1", "$.SubmittedCase.libraryType"), (draft.What, draft.Subject, draft.Data["fields"]));
        Assert.Equal(["provider:111111111", "node:GRZTST001"], draft.Audience);
        Assert.Empty(CaseEvents.Between(Key, traced, traced)); // the same history again is nothing new
    }

    [Fact]
    public void Billing_and_reimbursement_are_the_LEs_events_the_payer_has_its_claim_event()
    {
        var confirmed = Case(CaseStatus.Confirmed, Genomic());

        var draft = Assert.Single(CaseEvents.Between(Key, confirmed, confirmed with { Status = CaseStatus.Reimbursed }, payerIk: "200000001"));

        Assert.Equal(("reimbursed", "200000001"), (draft.What, draft.Data["payerIk"]));
        Assert.Equal(["provider:111111111"], draft.Audience); // the case key is not the payer's business
    }

    [Fact]
    public void An_event_id_is_its_source_and_the_grains_sequence_and_every_type_is_in_the_catalogue()
    {
        var outbox = new Outbox();
        foreach (var draft in CaseEvents.Between(Key, null, Case(CaseStatus.DataTransferred, Genomic())))
        {
            outbox.Emit($"/genomde/cases/{Key}", Key, At, draft);
        }

        Assert.Equal([$"/genomde/cases/{Key}#1", $"/genomde/cases/{Key}#2"], outbox.Pending.Select(p => p.Event.Id));
        Assert.All(outbox.Pending, p => Assert.Contains(p.Event.Type, EventTypes.All));
        Assert.Equal(2, outbox.Emitted);
    }
}
