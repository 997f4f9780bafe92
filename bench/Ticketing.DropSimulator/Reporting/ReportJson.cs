using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ticketing.DropSimulator.Reporting;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(RunReport))]
internal sealed partial class ReportJson : JsonSerializerContext;
