using System.Text.Json.Nodes;
using GenomDE.Orleans.Domain.Submissions;
using static GenomDE.Orleans.Tests.Submissions.MetadataDocument;

namespace GenomDE.Orleans.Tests.Submissions;

public sealed class LabDataRuleTests
{
    [Fact]
    public void A_lab_datum_needs_sequence_data()
    {
        var doc = Load(Trio);
        doc.LabDatum(1, 0).Remove("sequenceData");

        AssertRefused(doc.Validate(), MetadataRuleCodes.SequenceDataMissing, "$.donors[1].labData[0].sequenceData");
    }

    [Fact]
    public void Lab_data_names_are_unique_per_donor()
    {
        var doc = Load(WesTumorGermline);
        doc.LabDatum(0, 1)["labDataName"] = doc.LabDatum(0, 0)["labDataName"]!.GetValue<string>();

        AssertRefused(doc.Validate(), MetadataRuleCodes.LabDataNameDuplicate, "$.donors[0].labData[1].labDataName");
    }

    [Fact]
    public void Wxs_means_rna()
    {
        var doc = Load(WesTumorGermline);
        doc.LabDatum(0, 1)["libraryType"] = "wxs";

        AssertRefused(doc.Validate(), MetadataRuleCodes.WxsRequiresRna, "$.donors[0].labData[1].sequenceType");
    }

    [Fact]
    public void Long_reads_are_not_paired_end()
    {
        var doc = Load(LongRead);
        doc.LabDatum(0, 0)["sequencingLayout"] = "paired-end";

        AssertRefused(doc.Validate(), MetadataRuleCodes.LongReadPairedEnd, "$.donors[0].labData[0].sequencingLayout");
    }

    [Fact]
    public void Somatic_data_needs_a_tumor_cell_count()
    {
        var doc = Load(Panel);
        doc.LabDatum(0, 0).Remove("tumorCellCount");

        AssertRefused(doc.Validate(), MetadataRuleCodes.TumorCellCountMissing, "$.donors[0].labData[0].tumorCellCount");
    }

    [Fact]
    public void Short_reads_need_fastq()
    {
        var doc = Load(Trio);
        var files = doc.Files(1, 0);
        files.RemoveAt(1);
        files.RemoveAt(0);

        AssertRefused(doc.Validate(), MetadataRuleCodes.ReadFilesMissing, "$.donors[1].labData[0].sequenceData.files");
    }

    [Fact]
    public void Short_reads_are_not_submitted_as_bam()
    {
        var doc = Load(Trio);
        doc.File(1, 0, 0)["fileType"] = "bam";
        doc.File(1, 0, 0)["filePath"] = "donor_mother/reads.bam";

        AssertRefused(doc.Validate(), MetadataRuleCodes.ShortReadBam, "$.donors[1].labData[0].sequenceData.files");
    }

    [Fact]
    public void Long_reads_need_bam_or_fastq()
    {
        var doc = Load(LongRead);
        doc.Files(0, 0).RemoveAt(0);

        AssertRefused(doc.Validate(), MetadataRuleCodes.ReadFilesMissing, "$.donors[0].labData[0].sequenceData.files");
    }

    [Theory]
    [InlineData("panel")]
    [InlineData("wes")]
    public void Targeted_libraries_need_a_bed_file(string libraryType)
    {
        var doc = Load(libraryType == "panel" ? Panel : WesTumorGermline);
        var files = doc.Files(0, 0);
        files.Remove(files.First(f => f!["fileType"]!.GetValue<string>() == "bed"));

        AssertRefused(doc.Validate(), MetadataRuleCodes.TargetRegionsMissing, "$.donors[0].labData[0].sequenceData.files");
    }

    [Fact]
    public void A_missing_vcf_is_a_warning()
    {
        var doc = Load(Trio);
        doc.Files(2, 0).RemoveAt(2);

        AssertWarnedOnly(doc.Validate(), MetadataRuleCodes.VcfMissing, "$.donors[2].labData[0].sequenceData.files");
    }

    [Fact]
    public void A_submission_uses_one_reference_genome()
    {
        var doc = Load(Trio);
        doc.SequenceData(2, 0)["referenceGenome"] = "GRCh37";

        AssertRefused(doc.Validate(), MetadataRuleCodes.ReferenceGenomeMixed, "$.donors[2].labData[0].sequenceData.referenceGenome");
    }

    [Theory]
    [InlineData("/abs/reads_R1.fastq.gz")]
    [InlineData("donor_index/../reads_R1.fastq.gz")]
    [InlineData("./reads_R1.fastq.gz")]
    [InlineData("donor_index//reads_R1.fastq.gz")]
    public void File_paths_are_relative_and_normalised(string path)
    {
        var doc = Load(Trio);
        doc.File(0, 0, 0)["filePath"] = path;

        AssertRefused(doc.Validate(), MetadataRuleCodes.FilePathInvalid, "$.donors[0].labData[0].sequenceData.files[0].filePath");
    }

    [Theory]
    [InlineData(0, "donor_index/reads_R1.fastq")]
    [InlineData(0, "donor_index/reads R1.fastq.gz")]
    public void Fastq_names_end_in_fastq_gz_without_spaces(int file, string path)
    {
        var doc = Load(Trio);
        doc.File(0, 0, file)["filePath"] = path;

        AssertRefused(doc.Validate(), MetadataRuleCodes.FileExtensionMismatch, $"$.donors[0].labData[0].sequenceData.files[{file}].filePath");
    }

    [Fact]
    public void Bed_names_end_in_bed()
    {
        var doc = Load(Panel);
        var index = doc.Files(0, 0).ToList().FindIndex(f => f!["fileType"]!.GetValue<string>() == "bed");
        doc.File(0, 0, index)["filePath"] = "donor_001/panel.txt";

        AssertRefused(doc.Validate(), MetadataRuleCodes.FileExtensionMismatch, $"$.donors[0].labData[0].sequenceData.files[{index}].filePath");
    }

    [Fact]
    public void Read_files_need_a_read_length()
    {
        var doc = Load(Trio);
        doc.File(0, 0, 1).Remove("readLength");

        AssertRefused(doc.Validate(), MetadataRuleCodes.ReadLengthMissing, "$.donors[0].labData[0].sequenceData.files[1].readLength");
    }

    [Fact]
    public void Paired_end_fastq_needs_a_read_order()
    {
        var doc = Load(Trio);
        doc.File(0, 0, 0).Remove("readOrder");

        AssertRefused(doc.Validate(), MetadataRuleCodes.ReadOrderMissing, "$.donors[0].labData[0].sequenceData.files[0].readOrder");
    }

    [Fact]
    public void Paired_end_fastq_needs_r1_and_r2_per_lane()
    {
        var doc = Load(WesTumorGermline);
        doc.File(0, 0, 3)["laneId"] = "3";

        AssertRefused(doc.Validate(), MetadataRuleCodes.PairedEndReadsUnpaired, "$.donors[0].labData[0].sequenceData.files");
    }

    [Fact]
    public void A_run_cannot_appear_twice()
    {
        var doc = Load(WesTumorGermline);
        doc.File(0, 0, 2)["laneId"] = "1";
        doc.File(0, 0, 3)["laneId"] = "1";

        AssertRefused(doc.Validate(), MetadataRuleCodes.RunIdDuplicate, "$.donors[0].labData[0].sequenceData.files[2]");
    }

    [Fact]
    public void The_same_sequencing_file_cannot_be_submitted_twice()
    {
        var doc = Load(Trio);
        doc.File(2, 0, 0)["fileChecksum"] = doc.File(1, 0, 0)["fileChecksum"]!.GetValue<string>();

        AssertRefused(doc.Validate(), MetadataRuleCodes.ReadFileChecksumDuplicate, "$.donors[2].labData[0].sequenceData.files[0].fileChecksum");
    }

    [Fact]
    public void Identical_vcfs_are_only_doubtful()
    {
        // The trio example lists the same joint-called VCF for all three donors.
        var report = Load(Trio).Validate();

        AssertWarnedOnly(report, MetadataRuleCodes.VcfChecksumDuplicate, "$.donors[1].labData[0].sequenceData.files[2].fileChecksum");
    }

    [Fact]
    public void A_file_path_listed_twice_is_doubtful()
    {
        var doc = Load(Trio);
        doc.File(1, 0, 2)["filePath"] = doc.File(0, 0, 2)["filePath"]!.GetValue<string>();

        AssertWarnedOnly(doc.Validate(), MetadataRuleCodes.FilePathDuplicate, "$.donors[1].labData[0].sequenceData.files[2].filePath");
    }

    [Fact]
    public void A_paired_end_lab_datum_may_have_several_lanes()
    {
        var doc = Load(Trio);
        var r1 = doc.File(0, 0, 0).DeepClone().AsObject();
        var r2 = doc.File(0, 0, 1).DeepClone().AsObject();
        r1["laneId"] = "2";
        r2["laneId"] = "2";
        r1["filePath"] = "donor_index/MPHG005_S4_L005_R1_001.fastq.gz";
        r2["filePath"] = "donor_index/MPHG005_S4_L005_R2_001.fastq.gz";
        r1["fileChecksum"] = new string('a', 64);
        r2["fileChecksum"] = new string('b', 64);
        doc.Files(0, 0).Add(r1);
        doc.Files(0, 0).Add(r2);

        Assert.True(doc.Validate().IsAccepted);
    }
}
