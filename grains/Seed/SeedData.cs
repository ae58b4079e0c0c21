using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Domain.Participants;

namespace GenomDE.Orleans.Grains.Seed;

/// <summary>The participants the embedded default starts with. Nodes: the 7 clinical data nodes and
/// 6 genome data centres approved as of 2024-12-31 (seed document). Only <c>GRZDD0004</c> and
/// <c>KDKTUE002</c> are known real IDs; every other ID, and every IK here, is invented (right
/// pattern, flagged <c>NodeIdIsOfficial = false</c> or named "(invented)").</summary>
public static class SeedData
{
    public const string OperatorId = "BfArM";

    public static readonly DateTimeOffset ApprovedAsOf = new(2024, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<NodeSeed> Nodes { get; } =
    [
        Node(NodeKind.Cdn, "KDKDDE001", false, "zKDK-ET", "Dresden"),
        Node(NodeKind.Cdn, "KDKHDB001", false, "NCT/DKTK/MASTER", "Heidelberg"),
        Node(NodeKind.Cdn, "KDKKLN001", false, "nNGM", "Köln"),
        Node(NodeKind.Cdn, "KDKLPZ001", false, "DK-FBREK", "Leipzig"),
        Node(NodeKind.Cdn, "KDKLPZ002", false, "DK-FDK", "Leipzig"),
        Node(NodeKind.Cdn, "KDKTUE002", true, "DNPM", "Tübingen"),
        Node(NodeKind.Cdn, "KDKTUE101", false, "NSE", "Tübingen"),
        Node(NodeKind.Gdc, "GRZBLN001", false, "MDC", "Berlin"),
        Node(NodeKind.Gdc, "GRZDD0004", true, "TU Dresden", "Dresden"),
        Node(NodeKind.Gdc, "GRZHDB001", false, "DKFZ", "Heidelberg"),
        Node(NodeKind.Gdc, "GRZKLN001", false, "Universität zu Köln", "Köln"),
        Node(NodeKind.Gdc, "GRZMUC001", false, "TUM", "München"),
        Node(NodeKind.Gdc, "GRZTUE001", false, "Universität Tübingen", "Tübingen"),
    ];

    public static IReadOnlyList<(string Ik, ProviderRegistration Registration)> Providers { get; } =
    [
        ("123456789", new("Example LE of the grz-tools test data (invented IK)", [Indication.Rare, Indication.Oncological, Indication.Hereditary], new DateOnly(2024, 7, 1))),
        ("100000001", new("Universitätsklinikum Musterstadt (invented)", [Indication.Rare, Indication.Oncological], new DateOnly(2024, 7, 1))),
        ("100000002", new("Universitätsklinikum Beispielburg (invented)", [Indication.Oncological], new DateOnly(2025, 1, 1))),
    ];

    public static IReadOnlyList<(string Ik, PayerRegistration Registration)> Payers { get; } =
    [
        ("200000001", new("Beispiel-AOK (invented)", PayerKind.Gkv)),
        ("200000002", new("Muster-Ersatzkasse (invented)", PayerKind.Gkv)),
        ("200000003", new("Beispiel Private Krankenversicherung (invented)", PayerKind.Pkv)),
        ("200000004", new("Sonstiger Kostenträger (invented)", PayerKind.Other)),
    ];

    /// <summary>Seeded application IDs derive from the node ID, so seeding twice finds the same grains.</summary>
    public static string ApplicationIdFor(string nodeId) => Identifiers.ApplicationIdFor("seed:" + nodeId);

    private static NodeSeed Node(NodeKind kind, string nodeId, bool official, string name, string site) =>
        new(new NodeApplication(kind, official ? name : $"{name} (node ID invented)", site), nodeId, official, ApprovedAsOf);
}
