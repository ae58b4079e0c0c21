namespace GenomDE.Orleans.Tests.Faults.Lifecycles;

/// <summary>A command as a participant sent it, with the answer it finally got, so a test can send
/// it once more with the same key and compare.</summary>
public sealed record SentCommand(string Step, PatientClient Client, HttpMethod Method, string Path, string? Body, string? Key, Answer Answer)
{
    public Task<Answer> Replay() => Client.Send(Method, Path, Body, Key);
}
