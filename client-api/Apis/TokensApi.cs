using System.Globalization;
using System.Text;
using GenomDE.Orleans.ClientApi.Auth;
using GenomDE.Orleans.ClientApi.Contracts;
using GenomDE.Orleans.ClientApi.Limits;
using GenomDE.Orleans.ClientApi.OpenApi;
using GenomDE.Orleans.ClientApi.Problems;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Domain.Tokens;
using GenomDE.Orleans.GrainInterfaces.Tokens;

namespace GenomDE.Orleans.ClientApi.Apis;

/// <summary>Confirmation tokens (Meldebestätigungen): delivery to the LE, verification and
/// exactly-once reimbursement for payers, revocation by the operator.</summary>
public static class TokensApi
{
    private const string CsvHeader = "Vorgangsnummer,Meldebestaetigung";

    public static void MapTokensApi(this IEndpointRouteBuilder app)
    {
        var provider = app.MapGroup($"{PlatformRoutes.ApiV1}/tokens").WithTags("Confirmation tokens").RequireAuthorization(Policies.Provider);
        provider.MapGet("/", async (string? date, string? from, string? to, HttpContext http, IGrainFactory grains, TimeProvider clock) =>
                ServiceDateRange.TryParse(date, from, to, clock.GetUtcNow(), out var days) is { } invalid
                    ? Problem.Result(invalid)
                    : TypedResults.Ok(await OwnTokens(http, grains, days)))
            .WithName("Tokens_List")
            .Produces<IReadOnlyList<TokenView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary($"The LE's tokens of one service date (date=YYYY-MM-DD) or of a range of at most {ServiceDateRange.MaxDays} days (from=…&to=…).");
        provider.MapGet("/csv", async (string? date, HttpContext http, IGrainFactory grains, TimeProvider clock) =>
            {
                if (ServiceDateRange.Day(date ?? "", "date", clock.GetUtcNow(), out var day) is { } invalid)
                {
                    return Problem.Result(invalid);
                }

                var tokens = await OwnTokens(http, grains, new ServiceDateRange(day, day));
                return Csv(tokens, string.Create(CultureInfo.InvariantCulture, $"Meldebestaetigungen_{day:yyyy-MM-dd}.csv"));
            })
            .WithName("Tokens_DayCsv")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("CSV of one service date's tokens (Vorgangsnummer,Meldebestaetigung): ?date=YYYY-MM-DD.");
        provider.MapGet("/{code}/csv", async (string code, HttpContext http, IGrainFactory grains) =>
            await OwnToken(http, grains, code) is { } token ? Csv([token], $"Meldebestaetigung_{token.Code}.csv") : UnknownToken(code))
            .WithName("Tokens_Csv").Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("CSV of one token, as delivered to the LE.");
        provider.MapGet("/{code}/qr.png", async (string code, HttpContext http, IGrainFactory grains) =>
            await OwnToken(http, grains, code) is { } token
                ? TypedResults.File(TokenQrCode.Png(token.Record.Token.Delivered), "image/png", $"Meldebestaetigung_{token.Code}.png")
                : UnknownToken(code))
            .WithName("Tokens_Qr").Produces<byte[]>(StatusCodes.Status200OK, "image/png").ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("One token's Meldebestätigung as a QR code (PNG), e.g. for the paper file of a case.");

        var payer = app.MapGroup(PlatformRoutes.ApiV1).WithTags("Confirmation tokens").RequireAuthorization(Policies.Payer);
        payer.MapPost("/tokens/verify", async (VerifyTokenRequest body, HttpContext http, IGrainFactory grains) =>
            (await grains.GetGrain<IPayerDeskGrain>(0).Verify(http.User.ToCaller()!, body.Token)).ToHttp())
            .WithName("Tokens_Verify")
            .Produces<TokenCheck>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Is the token well-formed, does its hash match, did the platform issue it, what is its status, does it bill?");
        payer.MapPost("/claims", async (ClaimRequest body, HttpContext http, IGrainFactory grains) =>
        {
            if (!ApiRequest.TryBegin(http, out var context, out var problem))
            {
                return problem!;
            }

            var result = await grains.GetGrain<IPayerDeskGrain>(0).Claim(context, body.Tokens);
            if (!result.IsSuccess)
            {
                return Problem.Result(result.Error!);
            }

            var decision = result.Value!.Decision;
            return decision.Accepted
                ? TypedResults.Ok(result.Value.ForPayer())
                : Problem.Result(new GenomDE.Orleans.Domain.Common.DomainError(
                    GenomDE.Orleans.Domain.Common.ErrorKind.Conflict, decision.ClaimRefusal!.Code, "Claim refused", decision.ClaimRefusal.Message,
                    [.. decision.TokenRefusals.Select(r => new GenomDE.Orleans.Domain.Submissions.SubmissionFinding(r.Reason.Code, $"$.tokens[{r.Index}]", r.Reason.Message))]));
        })
            .WithName("Claims_Submit").KeepsAnswers()
            .Produces<PayerClaimAnswer>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Claim the flat rate for one case with its tokens (Idempotency-Key: a replay returns the first answer).");

        app.MapPost($"{PlatformRoutes.ApiV1}/tokens/{{code}}/revoke", async (string code, RevokeTokenRequest body, HttpContext http, IGrainFactory grains) =>
        {
            if (!ApiRequest.TryBegin(http, out var context, out var problem))
            {
                return problem!;
            }

            return (await grains.GetGrain<ITokenGrain>(code).Revoke(context, body.Reason)).ToHttp();
        }).WithTags("Confirmation tokens").RequireAuthorization(Policies.Operator)
            .WithName("Tokens_Revoke").KeepsAnswers().Produces<TokenView>().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Operator: revoke a token before it is redeemed.");

        app.MapPost($"{PlatformRoutes.ApiV1}/tokens/{{code}}/release", async (string code, RevokeTokenRequest body, HttpContext http, IGrainFactory grains) =>
        {
            if (!ApiRequest.TryBegin(http, out var context, out var problem))
            {
                return problem!;
            }

            return (await grains.GetGrain<ITokenGrain>(code).Release(context, body.Reason)).ToHttp();
        }).WithTags("Confirmation tokens").RequireAuthorization(Policies.Operator)
            .WithName("Tokens_Release").KeepsAnswers()
            .Produces<TokenView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Operator: free a token a payer's presentation holds (back to issued), with a reason.");
    }

    /// <summary>A day's tokens come from that day's counter, asked only for the days in the range on
    /// which the LE got tokens (one grain knows them): a day without tokens activates nothing.</summary>
    private static async Task<IReadOnlyList<TokenView>> OwnTokens(HttpContext http, IGrainFactory grains, ServiceDateRange range)
    {
        var ik = http.User.ToCaller()!.ParticipantId;
        var days = (await grains.GetGrain<IProviderTokenDaysGrain>(ik).Days()).Where(range.Contains);
        var codes = await Task.WhenAll(days.Select(d => grains.GetGrain<ITokenCounterGrain>(ITokenCounterGrain.KeyOf(ik, d)).Codes()));
        var views = await Task.WhenAll(codes.SelectMany(c => c).Select(c => grains.GetGrain<ITokenGrain>(c).Get()));
        return [.. views.OfType<TokenView>().OrderBy(v => v.Record.Token.ServiceDate).ThenBy(v => v.Record.Token.Counter)];
    }

    /// <summary>The code's format was checked before (<see cref="PathIds"/>).</summary>
    private static async Task<TokenView?> OwnToken(HttpContext http, IGrainFactory grains, string code)
    {
        var token = await grains.GetGrain<ITokenGrain>(code).Get();
        return token?.Record.ProviderIk == http.User.ToCaller()!.ParticipantId ? token : null;
    }

    /// <summary>No cell needs neutralising against spreadsheet formulas: a TAN is hex and a
    /// Meldebestätigung starts with <c>IBE+</c>, both made by the platform; and the Meldebestätigung
    /// must reach the § 301 exchange byte for byte.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Csv(IReadOnlyList<TokenView> tokens, string fileName)
    {
        var csv = new StringBuilder().Append(CsvHeader).Append("\r\n");
        foreach (var token in tokens)
        {
            csv.Append(token.Tan.ToUpperInvariant()).Append(',').Append(token.Record.Token.Delivered).Append("\r\n");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", fileName);
    }

    private static IResult UnknownToken(string code) =>
        Problem.Result(StatusCodes.Status404NotFound, "unknown_token", "Unknown token", $"No token {code} was issued to you.");
}
