using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Qc;

/// <summary>Picks the submissions that get detailed QC, as they pass basic QC (domain.md §7).
/// Only initial submissions that passed basic QC take part (<see cref="IsEligible"/>).
/// <para>Follows grz-db's <c>should_qc</c>: an LE's eligible submissions of a quarter are counted
/// in arrival order and cut into blocks of ⌊100 / target %⌋ (50 at 2 %). In each block one position
/// is drawn from a seed of (LE, year, quarter, block, salt), and the submission at that position is
/// picked, so the share is the target and an LE that knows the rule still cannot tell which of its
/// submissions will be checked (the salt is the GDC's secret). Before that, the first submission of
/// a calendar month without a pick is picked, which guarantees at least one per LE per month.</para>
/// <para>One deliberate difference: here a monthly pick counts as its block's pick, and grz-db's
/// extra "share at or below target" rule is left out. In grz-db the three rules add up, so an LE
/// with ~300 submissions a quarter gets about 3 % instead of about 2 %. Here every full block still
/// has a pick, and the last, partial block of a quarter gets one with probability (its size / block
/// size), so the expected share stays the target; at most one pick short of it over a quarter.</para></summary>
public sealed class DetailedQcSampler
{
    public DetailedQcSampler(double targetPercentage)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetPercentage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetPercentage, 100);
        TargetPercentage = targetPercentage;
        BlockSize = (int)Math.Floor(100 / targetPercentage);
    }

    /// <summary>The official rule: about 2 % of an LE's initial submissions per quarter.</summary>
    public static DetailedQcSampler Official { get; } = new(2.0);

    public double TargetPercentage { get; }

    /// <summary>Candidates per random pick.</summary>
    public int BlockSize { get; }

    public static bool IsEligible(SubmissionType submissionType, bool basicQcPassed) =>
        submissionType == SubmissionType.Initial && basicQcPassed;

    /// <summary>Decides for one eligible submission and records the decision in
    /// <paramref name="state"/>. The same sequence of calls on the same state gives the same picks;
    /// a repeated call for a tanG that was picked, or decided among the last <see cref="SamplingState.RecentCapacity"/>
    /// decisions, returns the first decision and changes nothing.
    /// <paramref name="submissionDate"/> is the date the submission is counted under (grz-db uses
    /// the upload date) and must fall into the state's quarter. Throws on a state of another
    /// quarter or a malformed or redacted tanG: those are caller errors, not submitter errors.</summary>
    public SamplingDecision Decide(SamplingState state, DateOnly submissionDate, string tanG, string salt)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(salt);
        if (!state.Covers(submissionDate))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{submissionDate:yyyy-MM-dd} is not in the state's quarter {state.Year}-Q{state.Quarter}."),
                nameof(submissionDate));
        }

        var tan = NormalisedTan(tanG);
        if (state.Picks.FirstOrDefault(p => p.TanG == tan) is { } picked)
        {
            return new SamplingDecision(true, picked.Reason);
        }

        if (state.RecentTans.Contains(tan))
        {
            return new SamplingDecision(false, SamplingReason.NotPicked);
        }

        state.RecentTans.Add(tan);
        if (state.RecentTans.Count > SamplingState.RecentCapacity)
        {
            state.RecentTans.RemoveAt(0);
        }

        var index = state.Candidates++;
        var block = index / BlockSize;
        var reason = !state.MonthsWithPick.Contains(submissionDate.Month) ? SamplingReason.MonthlyMinimum
            : state.LastBlockWithPick != block && index % BlockSize == DrawnPosition(state, block, salt) ? SamplingReason.RandomSample
            : SamplingReason.NotPicked;
        if (reason == SamplingReason.NotPicked)
        {
            return new SamplingDecision(false, reason);
        }

        state.MonthsWithPick.Add(submissionDate.Month);
        state.LastBlockWithPick = block;
        state.Picks.Add(new SamplingPick(tan, submissionDate, index, reason));
        return new SamplingDecision(true, reason);
    }

    /// <summary>The position (0 … BlockSize−1) drawn for a block. SHA-256 rather than a seeded
    /// <see cref="Random"/>: its output is fixed by standard, so a stored selection can be re-derived
    /// and audited on any platform and runtime version.</summary>
    public int DrawnPosition(SamplingState state, int block, string salt)
    {
        ArgumentNullException.ThrowIfNull(state);
        var seed = string.Create(CultureInfo.InvariantCulture, $"{state.SubmitterId}-{state.Year}-{state.Quarter}-{block}-{salt}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));

        // 64 bits modulo a block size of at most 100: the bias is below 1e-17.
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)BlockSize);
    }

    private static string NormalisedTan(string tanG)
    {
        ArgumentNullException.ThrowIfNull(tanG);
        if (!GdcFormats.Hex64().IsMatch(tanG) || tanG.All(c => c == '0'))
        {
            throw new ArgumentException("tanG must be 64 hex characters and not the redacted TAN.", nameof(tanG));
        }

        return tanG.ToLowerInvariant();
    }
}
