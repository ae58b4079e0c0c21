using GenomDE.Orleans.Domain.Reports;
using GenomDE.Orleans.Domain.Submissions;
using GenomDE.Orleans.Tests.Submissions;

namespace GenomDE.Orleans.Tests.Reports;

public sealed class LibraryTypesTests
{
    [Theory]
    [InlineData(MetadataDocument.Panel, LibraryType.Panel)]
    [InlineData(MetadataDocument.Oncomine, LibraryType.Panel)]
    [InlineData(MetadataDocument.WesTumorGermline, LibraryType.Wes)]
    [InlineData(MetadataDocument.WgsTumorGermline, LibraryType.Wgs)]
    [InlineData(MetadataDocument.Trio, LibraryType.Wgs)]
    [InlineData(MetadataDocument.LongRead, LibraryType.WgsLr)]
    public void The_real_examples_report_their_index_library_type(string file, LibraryType expected) =>
        Assert.Equal(expected, LibraryTypes.MostExpensiveOfIndex(Parse(MetadataDocument.Load(file))));

    [Fact]
    public void The_most_expensive_index_library_type_wins()
    {
        var doc = MetadataDocument.Load(MetadataDocument.WesTumorGermline);
        doc.LabDatum(0, 0)["libraryType"] = "panel";
        doc.LabDatum(0, 1)["libraryType"] = "wgs";

        Assert.Equal(LibraryType.Wgs, LibraryTypes.MostExpensiveOfIndex(Parse(doc)));
    }

    [Fact]
    public void Relatives_do_not_count()
    {
        var doc = MetadataDocument.Load(MetadataDocument.Trio);
        doc.LabDatum(1, 0)["libraryType"] = "wgs_lr";

        Assert.Equal(LibraryType.Wgs, LibraryTypes.MostExpensiveOfIndex(Parse(doc)));
    }

    [Theory]
    [InlineData("panel_lr")]
    [InlineData("wes_lr")]
    [InlineData("wxs")]
    [InlineData("wxs_lr")]
    [InlineData("other")]
    [InlineData("unknown")]
    public void Types_the_pruefbericht_cannot_name_are_ignored_not_mapped(string libraryType)
    {
        var doc = MetadataDocument.Load(MetadataDocument.WesTumorGermline);
        doc.LabDatum(0, 0)["libraryType"] = libraryType;
        doc.LabDatum(0, 1)["libraryType"] = "panel";

        Assert.Equal(LibraryType.Panel, LibraryTypes.MostExpensiveOfIndex(Parse(doc)));
        Assert.Null(LibraryTypes.FromMetadata(libraryType));
    }

    [Fact]
    public void Without_a_reportable_index_type_there_is_none()
    {
        var doc = MetadataDocument.Load(MetadataDocument.Panel);
        foreach (var labDatum in doc.LabData(0))
        {
            labDatum!["libraryType"] = "panel_lr";
        }

        Assert.Null(LibraryTypes.MostExpensiveOfIndex(Parse(doc)));
    }

    [Fact]
    public void Without_exactly_one_index_there_is_none()
    {
        var doc = MetadataDocument.Load(MetadataDocument.Trio);
        doc.Donor(1)["relation"] = "index";

        Assert.Null(LibraryTypes.MostExpensiveOfIndex(Parse(doc)));
    }

    private static GdcMetadata Parse(MetadataDocument doc) =>
        GdcMetadataParser.Parse(doc.Root.ToJsonString(), new MetadataFindings())!;
}
