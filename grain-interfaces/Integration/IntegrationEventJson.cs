using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ticketing.Integration;

/// <summary>
/// The wire format of an integration event: <c>{id, type, occurredAt, entityId, version, data}</c>, camelCase,
/// enums as snake_case strings, times in UTC ISO 8601. docs/events.md documents every <c>data</c>.
/// </summary>
public static class IntegrationEventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static byte[] Serialize(IntegrationEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", e.Id);
            json.WriteString("type", e.Type);
            json.WriteString("occurredAt", DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc));
            json.WriteString("entityId", e.EntityId);
            json.WriteNumber("version", e.Version);
            json.WritePropertyName("data");
            JsonSerializer.Serialize(json, e.Data, e.Data.GetType(), Options);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
