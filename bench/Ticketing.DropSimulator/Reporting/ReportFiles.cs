using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ticketing.DropSimulator.Reporting;

/// <summary>Writes <c>drop-&lt;timestamp&gt;.json</c> (everything) and <c>.md</c> (the table and notes).</summary>
public static class ReportFiles
{
    // Quotes and other characters stay readable in the file; it is never embedded in HTML.
    private static readonly ReportJson Json = new(new JsonSerializerOptions(ReportJson.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static (string Json, string Markdown) Write(RunReport report, string directory, string stamp)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, $"drop-{stamp}.json");
        var markdown = Path.Combine(directory, $"drop-{stamp}.md");
        File.WriteAllText(json, JsonSerializer.Serialize(report, Json.RunReport) + Environment.NewLine);
        File.WriteAllText(markdown, MarkdownReport.Render(report));
        return (json, markdown);
    }
}
