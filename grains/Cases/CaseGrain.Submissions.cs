using System.Security.Cryptography;
using System.Text;
using GenomDE.Orleans.Domain.Clinical;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Participants;
using GenomDE.Orleans.Domain.Reports;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.Grains.Reporting;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>The LE side: genomic and clinical submissions and the checks before a TAN is spent.</summary>
public sealed partial class CaseGrain
{
    public Task<Result<SubmissionAnswer>> SubmitGenomic(CommandContext context, string metadataJson)
    {
        if (OwnerOnly(context.Caller) is { } forbidden)
        {
            return Task.FromResult<Result<SubmissionAnswer>>(forbidden);
        }

        return Execute(context, "genomic|" + Sha256(metadataJson), s => s.SubmissionReplies, _answerCodec, current => DecideGenomic(context, current, metadataJson));
    }

    public Task<Result<SubmissionAnswer>> SubmitClinical(CommandContext context, string metaDataJson)
    {
        if (OwnerOnly(context.Caller) is { } forbidden)
        {
            return Task.FromResult<Result<SubmissionAnswer>>(forbidden);
        }

        return Execute(context, "clinical|" + Sha256(metaDataJson), s => s.SubmissionReplies, _answerCodec, current => DecideClinical(context, current, metaDataJson));
    }

    private async Task<Result<CaseDecision<SubmissionAnswer>>> DecideGenomic(CommandContext context, CaseView? current, string json)
    {
        if (current is null)
        {
            return UnknownCase();
        }

        var (metadata, report) = MetadataValidator.Official.Check(json);
        var warnings = report.Warnings.Select(w => w.ToSubmissionFinding()).ToList();
        if (!report.IsAccepted || metadata is null)
        {
            return DomainError.Unprocessable("metadata_invalid", "metadata.json breaks the submission rules",
                $"{report.Errors.Count} rule(s) violated; see 'errors' (each with its JSON path).",
                [.. report.Errors.Select(e => e.ToSubmissionFinding())], warnings);
        }

        var submission = metadata.Submission;
        if (Mismatch(submission.SubmitterId, Key.SubmitterId, "$.submission.submitterId", "submitter_mismatch", "the caller's IK") is { } submitter)
        {
            return submitter;
        }

        if (Mismatch(submission.LocalCaseId, Key.LocalCaseId, "$.submission.localCaseId", "local_case_mismatch", "the case it was posted to") is { } localCase)
        {
            return localCase;
        }

        // Basic QC has checked these values, so they parse.
        var type = Validated(WireNames.SubmissionTypes, submission.SubmissionType);
        var disease = Validated(WireNames.DiseaseTypes, submission.DiseaseType);
        var coverage = Validated(WireNames.CoverageTypes, submission.CoverageType);
        var tan = submission.TanG!;
        var nodeId = submission.GenomicDataCenterId!;
        var index = metadata.Donors.Single(d => d.IsIndex);
        var consent = new ConsentSnapshot(index.MvConsent.PermitsSequencing, index.ResearchConsents.Any(r => r.HasScope));

        // An initial's metadata.json is kept for detailed QC; it is written alongside the TAN claim.
        var document = type == SubmissionType.Initial ? json : null;
        var refused = await Admit(current, DataCategory.Genomic, type, disease, nodeId, tan, document);
        if (refused is not null)
        {
            return refused;
        }

        var view = new SubmissionView(tan, DataCategory.Genomic, type, nodeId, submission.SubmissionDate!.Value, disease, coverage,
            LibraryTypes.MostExpensiveOfIndex(metadata) ?? LibraryType.None, consent, SubmissionStatus.Submitted,
            null, null, null, null, Sha256(json), clock.GetUtcNow(), submission.ClinicalDataNodeId, Genomic: GenomicProfiles.Of(metadata));
        if (document is not null)
        {
            state.State.PendingDocuments.Add(tan); // a write conflict reloads the state and drops this
        }

        return Accept(context, current, view, warnings);
    }

    private async Task<Result<CaseDecision<SubmissionAnswer>>> DecideClinical(CommandContext context, CaseView? current, string json)
    {
        if (current is null)
        {
            return UnknownCase();
        }

        // The clinical half belongs at the CDN the case's genomic metadata named, when there is one.
        var genomic = current.Submissions.LastOrDefault(s => s.DataCategory == DataCategory.Genomic);
        var outcome = ClinicalMetadataValidator.Official.Validate(json, genomic?.ClinicalDataNodeId, genomic?.LibraryType);
        if (!outcome.IsAccepted)
        {
            return DomainError.Unprocessable("metadata_invalid", "Clinical metaData breaks the submission rules",
                $"{outcome.Report.Errors.Count} rule(s) violated; see 'errors' (each with its JSON path).", outcome.Report.Errors, outcome.Report.Warnings);
        }

        var metadata = outcome.Metadata!;
        var submission = metadata.Submission;
        if (Mismatch(submission.SubmitterId, Key.SubmitterId, metadata.Paths.Submission("submitterId"), "submitter_mismatch", "the caller's IK") is { } submitter)
        {
            return submitter;
        }

        if (metadata.LocalCaseId is { } localCaseId && Mismatch(localCaseId, Key.LocalCaseId, metadata.Paths.Field("localCaseId"), "local_case_mismatch", "the case it was posted to") is { } localCase)
        {
            return localCase;
        }

        var type = Validated(WireNames.SubmissionTypes, submission.Type);
        var disease = Validated(WireNames.DiseaseTypes, submission.DiseaseType);
        var coverage = Validated(WireNames.CoverageTypes, metadata.CoverageType);
        var tan = metadata.TanC!;
        var nodeId = submission.ClinicalDataNodeId!;
        if (await Admit(current, DataCategory.Clinical, type, disease, nodeId, tan) is { } refused)
        {
            return refused;
        }

        var library = LibraryTypes.FromMetadata(metadata.Case?.LibraryType) ?? (metadata.Case?.LibraryType == "none" ? LibraryType.None : genomic?.LibraryType);
        var consent = new ConsentSnapshot(metadata.MvConsent.PermitsSequencing, metadata.ResearchConsents.Any(r => r.HasScope));
        var view = new SubmissionView(tan, DataCategory.Clinical, type, nodeId, submission.Date!.Value, disease, coverage, library, consent,
            SubmissionStatus.Submitted, null, null, null, null, Sha256(json), clock.GetUtcNow());
        return Accept(context, current, view, outcome.Report.Warnings);
    }

    /// <summary>The checks every submission passes before its TAN is spent: order, admission,
    /// an approved receiving node, a TAN the LE never used and the node does not know yet.
    /// Independent calls run together, but the TAN is claimed only after every check without a side
    /// effect passed, and bound at the node only once claimed (as before), so a refusal for the
    /// provider or the node leaves the TAN free. <paramref name="document"/> (an initial's
    /// metadata.json) is kept alongside the claim and dropped again when the TAN is refused.</summary>
    private async Task<DomainError?> Admit(CaseView current, DataCategory category, SubmissionType type, Indication disease, string nodeId, string tan, string? document = null)
    {
        if (current.Submissions.Any(s => s.Tan.Equals(tan, StringComparison.OrdinalIgnoreCase)))
        {
            return DuplicateTan(tan);
        }

        if (SubmissionOrder.Check(current.Submissions, category, type) is { } order)
        {
            return order;
        }

        var provider = GrainFactory.GetGrain<IProviderGrain>(Key.SubmitterId).Get();
        var approved = Approvals.IsApproved(nodeId);
        await Task.WhenAll(provider, approved);
        if (await provider is not { } registered || !registered.IsAdmittedFor(disease))
        {
            return DomainError.Forbidden($"Provider {Key.SubmitterId} is not admitted for {disease.ToString().ToLowerInvariant()} cases.") with { Code = "not_admitted" };
        }

        if (!await approved)
        {
            return DomainError.Conflict("node_not_approved", "Receiving node not approved", $"Node {nodeId} is not an approved node; only approved nodes accept data.");
        }

        var caseKey = this.GetPrimaryKeyString();
        var claimed = GrainFactory.GetGrain<ITanClaimGrain>(ITanClaimGrain.KeyOf(Key.SubmitterId, tan)).Claim(caseKey);
        var kept = document is null ? Task.CompletedTask : Document(tan).Keep(document);
        await Task.WhenAll(claimed, kept);
        if (!await claimed)
        {
            await DropRefused(document, tan);
            return DuplicateTan(tan);
        }

        // Bound before the submission is accepted, so the node can act on it as soon as the LE hears "accepted".
        if (!await GrainFactory.GetGrain<ISubmissionLocatorGrain>(ISubmissionLocatorGrain.KeyOf(nodeId, tan)).Bind(caseKey))
        {
            await DropRefused(document, tan);
            return DomainError.Conflict("tan_in_use_at_node", "TAN already in use at the node", $"Another provider's submission with TAN {tan} was already routed to {nodeId}; every submission needs a new TAN.");
        }

        return null;
    }

    /// <summary>A TAN refused by its claim or its node can never be this case's: its document goes.</summary>
    private Task DropRefused(string? document, string tan) => document is null ? Task.CompletedTask : Document(tan).Drop();

    private Result<CaseDecision<SubmissionAnswer>> Accept(CommandContext context, CaseView current, SubmissionView view, IReadOnlyList<SubmissionFinding> warnings)
    {
        var category = view.DataCategory.ToString().ToLowerInvariant();
        var events = new List<CaseEvent> { Event($"{category} {view.SubmissionType.ToString().ToLowerInvariant()} submission to {view.NodeId}", view.Tan, context) };
        var previous = current.Submissions.LastOrDefault(s => s.DataCategory == view.DataCategory);
        var (mvRevoked, researchRevoked) = CaseLifecycle.Revocations(previous?.Consent, view.Consent);
        if (mvRevoked)
        {
            events.Add(Event("model-project consent (mvSequencing) revoked: case withdrawn", view.Tan, context));
        }

        if (researchRevoked)
        {
            events.Add(Event("research consent revoked", view.Tan, context));
        }

        var withdrawn = state.State.Withdrawn || mvRevoked;
        var submissions = current.Submissions.Append(view).ToList();
        var next = current with
        {
            Submissions = submissions,
            History = [.. current.History, .. events],
            Status = CaseLifecycle.Derive(submissions, withdrawn, state.State.Billed, state.State.Reimbursed),
        };
        return Result<CaseDecision<SubmissionAnswer>>.Success(new(next, new SubmissionAnswer(next, view.Tan, warnings), withdrawn));
    }

    private static DomainError? Mismatch(string? actual, string expected, string path, string code, string what) =>
        actual == expected
            ? null
            : DomainError.Unprocessable(code, "Submission does not belong here",
                $"{path} is '{actual}', which is not {what} ('{expected}').", [new SubmissionFinding(code, path, $"expected '{expected}'")], []);

    private static DomainError DuplicateTan(string tan) =>
        DomainError.Conflict("duplicate_tang", "TAN already used", $"The TAN {tan} was used before by this provider; every submission needs a new TAN.");

    private static TEnum Validated<TEnum>(WireVocabulary<TEnum> vocabulary, string? value)
        where TEnum : struct, Enum =>
        vocabulary.TryParse(value, out var parsed) ? parsed : throw new InvalidOperationException($"'{value}' passed validation but is no {typeof(TEnum).Name}.");

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
