using System.Globalization;

namespace GenomDE.Orleans.Bench;

/// <summary>Command-line options; every phase is bounded in count and time.</summary>
internal sealed record BenchOptions
{
    public string Mode { get; init; } = "embedded";

    public int Concurrency { get; init; } = 16;

    public int Lifecycles { get; init; } = 2000;

    /// <summary>The lifecycle phase stops starting new lifecycles after this many seconds.</summary>
    public int MaxSeconds { get; init; } = 180;

    /// <summary>Lifecycles per LE (each issues two tokens on its LE's day counter). 60 ≈ the busiest
    /// LE-day seen so far (domain.md §10: 61 confirmations), and spreads a run over about as many
    /// LEs as there are university hospitals (28).</summary>
    public int CasesPerProvider { get; init; } = 60;

    public int BaselineSeconds { get; init; } = 15;

    public int RoofSeconds { get; init; } = 15;

    public int RoofPayloadBytes { get; init; } = 2048;

    /// <summary>postgres mode: 0 = no storage probe; otherwise grain state writes through the ADO.NET
    /// provider for this many seconds, between two roof runs.</summary>
    public int StorageSeconds { get; init; } = 15;

    /// <summary>0 = no scale phase; otherwise register cases (only) for this many seconds.</summary>
    public int ScaleSeconds { get; init; }

    public int ScaleMaxCases { get; init; } = 1_000_000;

    /// <summary>0 = no paced phase; otherwise lifecycles at a fixed rate for this many seconds.</summary>
    public int PacedSeconds { get; init; }

    /// <summary>Lifecycles/s of the paced phase; 0 = half the target load (postgres: 0.5 × 0.5 × roof ÷
    /// durable writes per lifecycle; embedded: half the lifecycles/s just measured).</summary>
    public double PacedRate { get; init; }

    /// <summary>0 = no CPU profile; otherwise the silo is sampled for this many seconds in the middle
    /// of the measured lifecycles.</summary>
    public int ProfileSeconds { get; init; } = 10;

    public string? SiloDll { get; init; }

    public bool PostgresMode => Mode == "postgres";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int NextInt() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
            options = name switch
            {
                "--mode" => options with { Mode = Next() },
                "--concurrency" => options with { Concurrency = NextInt() },
                "--lifecycles" => options with { Lifecycles = NextInt() },
                "--max-seconds" => options with { MaxSeconds = NextInt() },
                "--cases-per-provider" => options with { CasesPerProvider = NextInt() },
                "--baseline-seconds" => options with { BaselineSeconds = NextInt() },
                "--roof-seconds" => options with { RoofSeconds = NextInt() },
                "--roof-payload" => options with { RoofPayloadBytes = NextInt() },
                "--storage-seconds" => options with { StorageSeconds = NextInt() },
                "--scale-seconds" => options with { ScaleSeconds = NextInt() },
                "--scale-max-cases" => options with { ScaleMaxCases = NextInt() },
                "--paced-seconds" => options with { PacedSeconds = NextInt() },
                "--paced-rate" => options with { PacedRate = double.Parse(Next(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) },
                "--profile-seconds" => options with { ProfileSeconds = NextInt() },
                "--silo-dll" => options with { SiloDll = Next() },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        if (options.Mode is not ("embedded" or "postgres"))
        {
            throw new ArgumentException("--mode must be embedded or postgres");
        }

        if (options.Concurrency < 1 || options.Lifecycles < 1 || options.CasesPerProvider is < 1 or > 499)
        {
            throw new ArgumentException("--concurrency and --lifecycles must be positive; --cases-per-provider 1..499 (2 tokens per case, 999 per LE and day)");
        }

        return options;
    }
}
