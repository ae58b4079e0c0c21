using System.Globalization;
using System.Text.Json;
using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.GrainInterfaces.Cases;

namespace GenomDE.Orleans.Grains.Cases;

/// <summary>A case's kept answers as references into the case itself instead of copies of it (each
/// answer is the case, or one of its submissions, right after the command). That works because a
/// case only grows in known ways: submissions and history entries are appended, never removed or
/// reordered, and a submission changes only its status and fields set once
/// (<see cref="SetOnce"/>). So the answer "submission i when it had status s and these fields" is
/// the current submission i with the status s and the fields set later removed; the case at an
/// answer is its first n history entries and its submissions then. A write that would change a case
/// in any other way (<see cref="Follows"/>) first turns the references back into text.
/// References: a submission <c>i:Status:mask</c>, a case <c>Status;n;sub sub…</c>, a submission
/// answer <c>i|case|warnings</c> (<see cref="Grouped"/>).</summary>
public static class CaseReplies
{
    public static ReplyCodec<CaseView> Cases(Func<CaseView?> current) =>
        new(answer => Case(answer, current()), reference => Case(reference, Current(current)));

    public static ReplyCodec<SubmissionView> Submissions(Func<CaseView?> current) =>
        new(answer => Submission(answer, current()), reference => Submission(reference, Current(current)));

    public static ReplyCodec<SubmissionAnswer> Answers(Func<CaseView?> current) =>
        new(answer => Answer(answer, current()), reference => Answer(reference, Current(current)));

    /// <summary>Whether <paramref name="next"/> changes <paramref name="previous"/> only in the ways
    /// the references can follow.</summary>
    public static bool Follows(CaseView? previous, CaseView next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (previous is null)
        {
            return true;
        }

        return (previous.SubmitterId, previous.LocalCaseId) == (next.SubmitterId, next.LocalCaseId)
            && previous.History.Count <= next.History.Count && previous.History.SequenceEqual(next.History.Take(previous.History.Count))
            && previous.Submissions.Count <= next.Submissions.Count
            && previous.Submissions.Select((s, i) => Grows(s, next.Submissions[i])).All(grows => grows);
    }

    /// <summary>The fields a node step sets once (bit i = field i); everything else but the status never changes.</summary>
    private static readonly (Func<SubmissionView, object?> Get, Func<SubmissionView, SubmissionView> Clear)[] SetOnce =
    [
        (s => s.ReceivedAt, s => s with { ReceivedAt = null }),
        (s => s.BasicQc, s => s with { BasicQc = null }),
        (s => s.DetailedQcSelected, s => s with { DetailedQcSelected = null }),
        (s => s.DetailedQc, s => s with { DetailedQc = null }),
        (s => s.Report, s => s with { Report = null }),
        (s => s.Confirmation, s => s with { Confirmation = null }),
    ];

    private static bool Grows(SubmissionView before, SubmissionView after) =>
        Fixed(before) == Fixed(after) && SetOnce.All(f => f.Get(before) is not { } value || value.Equals(f.Get(after)));

    private static SubmissionView Fixed(SubmissionView s) =>
        SetOnce.Aggregate(s with { Status = default }, (view, f) => f.Clear(view));

    private static string? Submission(SubmissionView answer, CaseView? at)
    {
        var index = at is null ? -1 : IndexOf(at, answer.Tan);
        if (index < 0)
        {
            return null;
        }

        var mask = SetOnce.Select((f, bit) => f.Get(answer) is null ? 0 : 1 << bit).Sum();
        return string.Create(CultureInfo.InvariantCulture, $"{index}:{answer.Status}:{mask}");
    }

    private static SubmissionView Submission(string reference, CaseView current)
    {
        var parts = reference.Split(':');
        var mask = int.Parse(parts[2], CultureInfo.InvariantCulture);
        var view = current.Submissions[int.Parse(parts[0], CultureInfo.InvariantCulture)] with { Status = Enum.Parse<SubmissionStatus>(parts[1]) };
        return SetOnce.Where((_, bit) => (mask & (1 << bit)) == 0).Aggregate(view, (v, f) => f.Clear(v));
    }

    private static string? Case(CaseView answer, CaseView? at)
    {
        if (at is null || answer.Submissions.Count > at.Submissions.Count || answer.History.Count > at.History.Count)
        {
            return null;
        }

        var submissions = answer.Submissions.Select(s => Submission(s, at)).ToList();
        return submissions.Any(s => s is null)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{answer.Status};{answer.History.Count};{string.Join(' ', submissions)}");
    }

    private static CaseView Case(string reference, CaseView current)
    {
        var parts = reference.Split(';');
        var submissions = parts[2].Length == 0 ? [] : parts[2].Split(' ').Select(s => Submission(s, current)).ToList();
        return new CaseView(current.SubmitterId, current.LocalCaseId, Enum.Parse<CaseStatus>(parts[0]), submissions,
            [.. current.History.Take(int.Parse(parts[1], CultureInfo.InvariantCulture))]);
    }

    private static string? Answer(SubmissionAnswer answer, CaseView? at) =>
        at is not null && IndexOf(at, answer.Tan) is >= 0 and var index && Case(answer.Case, at) is { } view
            ? string.Create(CultureInfo.InvariantCulture, $"{index}|{view}|{JsonSerializer.Serialize(Grouped(answer.Warnings))}")
            : null;

    private static SubmissionAnswer Answer(string reference, CaseView current)
    {
        var parts = reference.Split('|', 3);
        var warnings = Ungrouped(JsonSerializer.Deserialize<List<List<string>>>(parts[2]) ?? []);
        return new SubmissionAnswer(Case(parts[1], current), current.Submissions[int.Parse(parts[0], CultureInfo.InvariantCulture)].Tan, warnings);
    }

    /// <summary>Warnings as runs of one rule and message: <c>[rule, message, path, path…]</c>. A
    /// metadata.json's warnings repeat one message for many files, and only the paths differ.</summary>
    private static List<List<string>> Grouped(IReadOnlyList<SubmissionFinding> warnings)
    {
        var runs = new List<List<string>>();
        foreach (var w in warnings)
        {
            if (runs.Count > 0 && runs[^1][0] == w.Rule && runs[^1][1] == w.Message)
            {
                runs[^1].Add(w.Path);
            }
            else
            {
                runs.Add([w.Rule, w.Message, w.Path]);
            }
        }

        return runs;
    }

    private static List<SubmissionFinding> Ungrouped(List<List<string>> runs) =>
        [.. runs.SelectMany(run => run.Skip(2).Select(path => new SubmissionFinding(run[0], path, run[1])))];

    private static int IndexOf(CaseView at, string tan)
    {
        for (var i = 0; i < at.Submissions.Count; i++)
        {
            if (at.Submissions[i].Tan == tan)
            {
                return i;
            }
        }

        return -1;
    }

    private static CaseView Current(Func<CaseView?> current) =>
        current() ?? throw new InvalidOperationException("A reply kept as a reference needs the case it refers to.");
}
