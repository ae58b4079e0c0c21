using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Participants;
using GenomDE.Orleans.GrainInterfaces.Tokens;
using Orleans.Concurrency;

namespace GenomDE.Orleans.Grains.Tokens;

[GrainType("payer-desk"), StatelessWorker]
public sealed class PayerDeskGrain : Grain, IPayerDeskGrain
{
    public async Task<Result<TokenCheck>> Verify(Caller caller, string token)
    {
        ArgumentNullException.ThrowIfNull(caller);
        // The operator verifies too (the console's check of a Meldebestätigung), with the same answer a payer gets.
        if (!caller.IsOperator && (caller.Role != ParticipantRole.Payer || await GrainFactory.GetGrain<IPayerGrain>(caller.ParticipantId).Get() is null))
        {
            return NotRegistered(caller.ParticipantId);
        }

        var verification = MeldebestaetigungFormat.Verify(token);
        var code = verification.Token?.Code;
        var issued = code is null ? null : await GrainFactory.GetGrain<ITokenGrain>(code).Get();
        var genuine = issued is not null && verification.Token == issued.Record.Token;
        var billable = genuine && verification.Hash == HashCheck.Matches
            && issued!.Record.Status is TokenStatus.Issued or TokenStatus.Presented
            && issued.Record.Token is { ReportType: SubmissionType.Initial, QcPassed: true };
        return Result<TokenCheck>.Success(new TokenCheck(verification.WellFormed, verification.Hash, verification.HashMessage, genuine, genuine ? issued!.Record.Status : null, billable, code, verification.Problems));
    }

    public async Task<Result<ClaimAnswer>> Claim(CommandContext context, IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (tokens.Count == 0)
        {
            return DomainError.Invalid("no_tokens", "No tokens", "A claim presents the case's confirmation tokens.");
        }

        // Only a payer the operator registered claims, and only as the kind it was registered as.
        if (context.Caller.Role != ParticipantRole.Payer || await GrainFactory.GetGrain<IPayerGrain>(context.Caller.ParticipantId).Get() is not { } payer)
        {
            return NotRegistered(context.Caller.ParticipantId);
        }

        // All claims on one case go through that case's reimbursement grain; the first token the
        // registry knows names the case (tokens of other cases are then refused by the rules).
        foreach (var token in tokens)
        {
            if (MeldebestaetigungFormat.Verify(token).Token?.Code is { } code && await GrainFactory.GetGrain<ITokenGrain>(code).Get() is { } issued)
            {
                return await GrainFactory.GetGrain<IReimbursementGrain>(issued.Record.CaseKey).Claim(context, tokens, payer.Kind);
            }
        }

        return DomainError.NotFound("unknown_token", "Unknown tokens", "None of the presented tokens was issued by this platform.");
    }

    private static DomainError NotRegistered(string ik) =>
        new(ErrorKind.Forbidden, "payer_not_registered", "Payer not registered",
            $"Payer '{ik}' is not registered with the platform; the operator registers payers (PUT /api/v1/payers/{{ik}}).");
}
