using System.Globalization;
using System.Text.Json;
using GenomDE.Orleans.Domain.Submissions;

namespace GenomDE.Orleans.Domain.Reports;

/// <summary>Writes a report back in the official shape, e.g. to forward it or show it to the node
/// that sent it. <see cref="CheckReportParser.Parse"/> reads the output back to an equal report.</summary>
public static class CheckReportWriter
{
    public static string ToJson(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("SubmittedCase");
            json.WriteString("submissionDate", report.SubmissionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("submissionType", WireNames.SubmissionTypes.NameOf(report.SubmissionType));
            json.WriteString("tan", report.Tan);
            json.WriteString("submitterId", report.SubmitterId);
            json.WriteString("dataNodeId", report.DataNodeId);
            json.WriteString("diseaseType", WireNames.DiseaseTypes.NameOf(report.DiseaseType));
            json.WriteString("dataCategory", WireNames.DataCategories.NameOf(report.DataCategory));
            json.WriteString("libraryType", WireNames.LibraryTypes.NameOf(report.LibraryType));
            json.WriteString("coverageType", WireNames.CoverageTypes.NameOf(report.CoverageType));
            json.WriteBoolean("dataQualityCheckPassed", report.DataQualityCheckPassed);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
