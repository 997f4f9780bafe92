using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ticketing.Deploy.Tests.Support;

/// <summary>
/// The part of JSON Schema (draft 7) that values.schema.json uses, to check values files here the way Helm
/// checks them at install. A keyword this class does not know is reported, never silently ignored.
/// </summary>
internal static class SchemaCheck
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "title", "description", "default", "examples", "$comment",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "type", "properties", "additionalProperties", "required", "enum", "items",
        "minimum", "maximum", "minLength", "maxLength", "pattern",
    };

    public static List<string> Validate(object? value, JsonElement schema, string path = "")
    {
        var errors = new List<string>();
        Check(value, schema, path.Length == 0 ? "(root)" : path, errors);
        return errors;
    }

    /// <summary>Whether the schema admits the dotted path (declared properties, or a free-form object on the way).</summary>
    public static bool Declares(JsonElement schema, string dottedPath)
    {
        var node = schema;
        foreach (var segment in dottedPath.Split('.'))
        {
            if (node.TryGetProperty("properties", out var properties) && properties.TryGetProperty(segment, out var child))
            {
                node = child;
                continue;
            }

            if (node.TryGetProperty("additionalProperties", out var additional))
            {
                if (additional.ValueKind == JsonValueKind.Object)
                {
                    node = additional;
                    continue;
                }

                return additional.ValueKind == JsonValueKind.True;
            }

            // A free-form object ("type": "object" and nothing else) admits any path below it.
            return !node.TryGetProperty("properties", out _) && IsType(node, "object");
        }

        return true;
    }

    /// <summary>Every declared property path of the schema, dotted.</summary>
    public static IEnumerable<string> DeclaredPaths(JsonElement schema, string prefix = "")
    {
        if (!schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            yield return path;
            foreach (var below in DeclaredPaths(property.Value, path))
            {
                yield return below;
            }
        }
    }

    private static void Check(object? value, JsonElement schema, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject().Select(p => p.Name))
        {
            if (!Keywords.Contains(keyword) && !Annotations.Contains(keyword))
            {
                errors.Add($"{path}: the schema uses '{keyword}', which this check does not implement");
            }
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(value, type))
        {
            errors.Add($"{path}: {Describe(value)} is not of type {type.GetRawText()}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed)
            && !allowed.EnumerateArray().Any(option => SameValue(option, value)))
        {
            errors.Add($"{path}: {Describe(value)} is not one of {allowed.GetRawText()}");
        }

        switch (value)
        {
            case Dictionary<string, object?> map:
                CheckObject(map, schema, path, errors);
                break;
            case List<object?> list when schema.TryGetProperty("items", out var items):
                for (var i = 0; i < list.Count; i++)
                {
                    Check(list[i], items, $"{path}[{i}]", errors);
                }

                break;
            case string text:
                if (schema.TryGetProperty("minLength", out var minLength) && text.Length < minLength.GetInt32())
                {
                    errors.Add($"{path}: '{text}' is shorter than {minLength.GetInt32()}");
                }

                if (schema.TryGetProperty("maxLength", out var maxLength) && text.Length > maxLength.GetInt32())
                {
                    errors.Add($"{path}: '{text}' is longer than {maxLength.GetInt32()}");
                }

                if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!))
                {
                    errors.Add($"{path}: '{text}' does not match {pattern.GetString()}");
                }

                break;
            case long or double:
                var number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                if (schema.TryGetProperty("minimum", out var minimum) && number < minimum.GetDouble())
                {
                    errors.Add($"{path}: {number} is below {minimum.GetDouble()}");
                }

                if (schema.TryGetProperty("maximum", out var maximum) && number > maximum.GetDouble())
                {
                    errors.Add($"{path}: {number} is above {maximum.GetDouble()}");
                }

                break;
        }
    }

    private static void CheckObject(Dictionary<string, object?> map, JsonElement schema, string path, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!map.ContainsKey(name))
                {
                    errors.Add($"{path}: required property '{name}' is missing");
                }
            }
        }

        var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
        foreach (var (key, child) in map)
        {
            var childPath = path == "(root)" ? key : $"{path}.{key}";
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(key, out var childSchema))
            {
                Check(child, childSchema, childPath, errors);
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional))
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{childPath}: not declared in the schema (additionalProperties is false)");
                }
                else if (additional.ValueKind == JsonValueKind.Object)
                {
                    Check(child, additional, childPath, errors);
                }
            }
        }
    }

    private static bool IsType(JsonElement schema, string name) =>
        schema.TryGetProperty("type", out var type)
        && (type.ValueKind == JsonValueKind.String
            ? type.GetString() == name
            : type.EnumerateArray().Any(t => t.GetString() == name));

    private static bool TypeMatches(object? value, JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => TypeMatches(value, t.GetString()!))
        : TypeMatches(value, type.GetString()!);

    private static bool TypeMatches(object? value, string type) => type switch
    {
        "object" => value is Dictionary<string, object?>,
        "array" => value is List<object?>,
        "string" => value is string,
        "integer" => value is long,
        "number" => value is long or double,
        "boolean" => value is bool,
        "null" => value is null,
        _ => false,
    };

    private static bool SameValue(JsonElement option, object? value) => option.ValueKind switch
    {
        JsonValueKind.String => value is string text && text == option.GetString(),
        JsonValueKind.Number => value is long or double
                                && Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) == option.GetDouble(),
        JsonValueKind.True => value is true,
        JsonValueKind.False => value is false,
        JsonValueKind.Null => value is null,
        _ => false,
    };

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"'{text}' (string)",
        Dictionary<string, object?> => "an object",
        List<object?> => "an array",
        _ => $"{value} ({value.GetType().Name})",
    };
}
