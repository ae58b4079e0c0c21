using GenomDE.Orleans.Domain.Common;
using GenomDE.Orleans.Domain.Nodes;
using GenomDE.Orleans.Grains.Seed;

namespace GenomDE.Orleans.Tests.Common;

public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("GRZDD0004", NodeKind.Gdc)]
    [InlineData("KDKTUE002", NodeKind.Cdn)]
    [InlineData("GRZM00123", NodeKind.Gdc)]
    [InlineData("KDKM00456", NodeKind.Cdn)]
    public void Official_node_ids_are_recognised(string id, NodeKind kind)
    {
        Assert.Equal(kind, Identifiers.NodeKindOf(id));
        Assert.Null(Identifiers.ValidateNodeId(kind, id));
    }

    [Theory]
    [InlineData("GRZDD004")]      // one digit short
    [InlineData("grzDD0004")]     // lower-case prefix
    [InlineData("GRZdd0004")]     // lower-case site code
    [InlineData("GRZDD000A")]     // letters in the counter
    [InlineData("XYZDD0004")]
    [InlineData("GRZDD00045")]
    [InlineData("")]
    public void Malformed_node_ids_are_refused(string id)
    {
        Assert.Null(Identifiers.NodeKindOf(id));
        Assert.Equal("invalid_node_id", Identifiers.ValidateNodeId(NodeKind.Gdc, id)!.Code);
    }

    [Fact]
    public void A_node_id_must_fit_the_node_kind()
    {
        Assert.Equal("invalid_node_id", Identifiers.ValidateNodeId(NodeKind.Cdn, "GRZDD0004")!.Code);
        Assert.Equal("invalid_node_id", Identifiers.ValidateNodeId(NodeKind.Gdc, "KDKTUE002")!.Code);
    }

    [Theory]
    [InlineData("123456789", true)]
    [InlineData("12345678", false)]
    [InlineData("1234567890", false)]
    [InlineData("12345678a", false)]
    [InlineData(null, false)]
    public void An_ik_has_nine_digits(string? ik, bool valid) => Assert.Equal(valid, Identifiers.IsIk(ik));

    [Fact]
    public void Application_ids_are_stable_per_request_and_well_formed()
    {
        var first = Identifiers.ApplicationIdFor("operator:BfArM:key-1");

        Assert.Equal(first, Identifiers.ApplicationIdFor("operator:BfArM:key-1"));
        Assert.NotEqual(first, Identifiers.ApplicationIdFor("operator:BfArM:key-2"));
        Assert.True(Identifiers.IsApplicationId(first));
    }

    [Fact]
    public void The_seed_has_the_seven_cdns_and_six_gdcs_with_valid_unique_ids()
    {
        Assert.Equal(7, SeedData.Nodes.Count(n => n.Application.Kind == NodeKind.Cdn));
        Assert.Equal(6, SeedData.Nodes.Count(n => n.Application.Kind == NodeKind.Gdc));
        Assert.Equal(SeedData.Nodes.Count, SeedData.Nodes.Select(n => n.NodeId).Distinct().Count());
        Assert.All(SeedData.Nodes, n => Assert.Null(Identifiers.ValidateNodeId(n.Application.Kind, n.NodeId)));
        Assert.Equal(["GRZDD0004", "KDKTUE002"], SeedData.Nodes.Where(n => n.NodeIdIsOfficial).Select(n => n.NodeId).Order());
        Assert.All(SeedData.Nodes.Where(n => !n.NodeIdIsOfficial), n => Assert.Contains("invented", n.Application.Name, StringComparison.Ordinal));
    }
}
