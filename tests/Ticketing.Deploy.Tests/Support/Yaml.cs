using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ticketing.Deploy.Tests.Support;

/// <summary>
/// YAML as plain values: maps are <see cref="Dictionary{TKey,TValue}"/>, sequences <see cref="List{T}"/>, plain
/// scalars typed the way Helm reads them (null, bool, long, double, else string), quoted scalars strings.
/// </summary>
internal static partial class Yaml
{
    public static object? Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    public static Dictionary<string, object?> LoadMap(string text) =>
        Load(text) as Dictionary<string, object?> ?? throw new InvalidOperationException("The YAML document is not a map.");

    /// <summary>Helm's merge of values files: maps merge key by key, anything else is replaced.</summary>
    public static Dictionary<string, object?> Merge(Dictionary<string, object?> under, Dictionary<string, object?> over)
    {
        var merged = new Dictionary<string, object?>(under, StringComparer.Ordinal);
        foreach (var (key, value) in over)
        {
            merged[key] = value is Dictionary<string, object?> overMap && merged.GetValueOrDefault(key) is Dictionary<string, object?> underMap
                ? Merge(underMap, overMap)
                : value;
        }

        return merged;
    }

    /// <summary>The value at a dotted path (e.g. <c>silo.siloPort</c>), or false when the path leads nowhere.</summary>
    public static bool TryGet(object? root, string dottedPath, out object? value)
    {
        value = root;
        foreach (var segment in dottedPath.Split('.'))
        {
            if (value is not Dictionary<string, object?> map || !map.TryGetValue(segment, out value))
            {
                value = null;
                return false;
            }
        }

        return true;
    }

    /// <summary>Every path to a leaf (scalar, sequence or empty map) of a map, dotted.</summary>
    public static IEnumerable<string> LeafPaths(Dictionary<string, object?> map, string prefix = "")
    {
        foreach (var (key, value) in map)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (value is Dictionary<string, object?> { Count: > 0 } child)
            {
                foreach (var leaf in LeafPaths(child, path))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value ?? "", pair => Convert(pair.Value), StringComparer.Ordinal),
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}."),
    };

    private static object? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return text;
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ when IntegerShape().IsMatch(text) => long.Parse(text, CultureInfo.InvariantCulture),
            _ when FloatShape().IsMatch(text) => double.Parse(text, CultureInfo.InvariantCulture),
            _ => text,
        };
    }

    [GeneratedRegex(@"^[-+]?\d+$")]
    private static partial Regex IntegerShape();

    [GeneratedRegex(@"^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$")]
    private static partial Regex FloatShape();
}
